// Racy on purpose: the integration tests expect sqlrace to report the INSERT
// below (line 18, column 21) as sqlrace-check-then-insert.
#include <sqlite3.h>

#include "signup.h"

bool signUp(sqlite3 *Db, const char *Email) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Email, -1, SQLITE_TRANSIENT);
  const bool Exists = sqlite3_step(Find) == SQLITE_ROW;
  sqlite3_finalize(Find);
  if (Exists)
    return false;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO users(email) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Email, -1, SQLITE_TRANSIENT);
  const bool Done = sqlite3_step(Add) == SQLITE_DONE;
  sqlite3_finalize(Add);
  return Done;
}
