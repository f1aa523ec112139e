// Clean: the session is opened with the soci::sqlite3 backend and the read
// and the write run between session::begin() and commit(). SQLite has one
// writer at a time: a concurrent writer gets SQLITE_BUSY and retries, so no
// update is lost (BEGIN IMMEDIATE would also avoid the busy error).
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <string>

void addPoints(const std::string &Player, int Earned) {
  soci::session Sql(soci::sqlite3, "db=game.db");
  Sql.begin();
  int Points = 0;
  Sql << "SELECT points FROM players WHERE name = :name", soci::use(Player), soci::into(Points);
  int Total = Points + Earned;
  // ok: sqlrace-read-modify-write
  Sql << "UPDATE players SET points = :p WHERE name = :name", soci::use(Total), soci::use(Player);
  Sql.commit();
}
