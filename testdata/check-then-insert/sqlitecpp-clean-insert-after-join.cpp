// Clean: the lookup only chooses which counter to bump; the INSERT into the
// append-only 'page_visits' log runs on both paths, after the if/else has
// joined, so its effect does not depend on what the check saw.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

struct VisitStats {
  int Returning = 0;
  int FirstTime = 0;
};

void recordVisit(SQLite::Database &Db, const std::string &VisitorId, VisitStats &Stats) {
  SQLite::Statement Find(Db, "SELECT 1 FROM page_visits WHERE visitor_id = ?");
  Find.bind(1, VisitorId);
  if (Find.executeStep())
    ++Stats.Returning;
  else
    ++Stats.FirstTime;

  SQLite::Statement Add(Db, "INSERT INTO page_visits(visitor_id) VALUES (?)");
  Add.bind(1, VisitorId);
  // ok: sqlrace-check-then-insert
  Add.exec();
}
