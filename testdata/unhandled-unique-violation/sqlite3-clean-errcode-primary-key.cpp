// Clean: extended result codes are on, and after sqlite3_exec() fails the
// code is compared with SQLITE_CONSTRAINT_PRIMARYKEY (1555), the code the
// TEXT PRIMARY KEY on settings(name) gives for a concurrently seeded row.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_extended_result_codes(Db, 1);
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT)", nullptr, nullptr, nullptr);
}

bool seedTheme(sqlite3 *Db) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT value FROM settings WHERE name = 'theme'", -1, &Find, nullptr);
  const bool Missing = sqlite3_step(Find) != SQLITE_ROW;
  sqlite3_finalize(Find);
  if (!Missing)
    return false;
  // ok: sqlrace-unhandled-unique-violation
  const int Rc = sqlite3_exec(Db, "INSERT INTO settings(name, value) VALUES ('theme', 'light')", nullptr, nullptr, nullptr);
  if (Rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    return false;
  return Rc == SQLITE_OK;
}
