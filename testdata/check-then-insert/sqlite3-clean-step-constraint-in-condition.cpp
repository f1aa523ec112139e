// Clean: the insert's sqlite3_step() result is compared with
// SQLITE_CONSTRAINT directly in the if condition, so a duplicate added by a
// concurrent client is handled.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool subscribe(sqlite3 *Db, const char *Email) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM subscribers WHERE email = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Email, -1, SQLITE_STATIC);
  const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  if (!Absent)
    return false;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO subscribers(email) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Email, -1, SQLITE_STATIC);
  bool Added = true;
  // ok: sqlrace-check-then-insert
  if (sqlite3_step(Add) == SQLITE_CONSTRAINT)
    Added = false;
  sqlite3_finalize(Add);
  return Added;
}
