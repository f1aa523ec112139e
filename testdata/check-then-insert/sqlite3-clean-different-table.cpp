// Clean: the check reads 'users' but the INSERT writes 'login_attempts', an
// append-only log. A concurrent client cannot make the insert wrong by adding
// a user in between, because the insert does not add a 'users' row.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void recordFailedLogin(sqlite3 *Db, const char *Email) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Email, -1, SQLITE_STATIC);
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Log = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO login_attempts(email, reason) VALUES (?, 'unknown user')", -1, &Log,
                       nullptr);
    sqlite3_bind_text(Log, 1, Email, -1, SQLITE_STATIC);
    // ok: sqlrace-check-then-insert
    sqlite3_step(Log);
    sqlite3_finalize(Log);
  }
  sqlite3_finalize(Find);
}
