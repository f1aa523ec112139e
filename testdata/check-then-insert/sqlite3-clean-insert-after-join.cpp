// Clean: the lookup only decides which counter to bump; the INSERT into the
// append-only 'page_visits' log runs on both paths, after the if/else joins.
// Its effect does not depend on what the check saw, so there is no
// check-then-act pair.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

struct VisitStats {
  int Returning = 0;
  int FirstTime = 0;
};

void recordVisit(sqlite3 *Db, const char *VisitorId, VisitStats &Stats) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM page_visits WHERE visitor_id = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, VisitorId, -1, SQLITE_STATIC);
  if (sqlite3_step(Find) == SQLITE_ROW)
    ++Stats.Returning;
  else
    ++Stats.FirstTime;
  sqlite3_finalize(Find);

  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO page_visits(visitor_id) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, VisitorId, -1, SQLITE_STATIC);
  // ok: sqlrace-check-then-insert
  sqlite3_step(Add);
  sqlite3_finalize(Add);
}
