// Clean: the INSERT runs through sqlite3_exec(); its return code is kept in a
// local and compared with SQLITE_CONSTRAINT, so a row added by another
// process after the check is rejected by the UNIQUE constraint and reported
// as "already there".
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool seedDefaultTheme(sqlite3 *Db) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM settings WHERE name = 'theme'", -1, &Find, nullptr);
  const bool Missing = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  if (!Missing)
    return false;
  // ok: sqlrace-check-then-insert
  const int Rc = sqlite3_exec(Db, "INSERT INTO settings(name, value) VALUES ('theme', 'light')", nullptr, nullptr, nullptr);
  if (Rc == SQLITE_CONSTRAINT)
    return false;
  return Rc == SQLITE_OK;
}
