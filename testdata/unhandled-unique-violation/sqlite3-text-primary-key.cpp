// Racy: settings(name TEXT PRIMARY KEY) is created in code, and a default is
// seeded when the lookup finds no row. Another process seeding the same
// setting in between makes the INSERT fail with SQLITE_CONSTRAINT, and the
// return code of sqlite3_exec() is thrown away.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  // note: sqlrace-unhandled-unique-violation PRIMARY KEY (name) rejects the duplicate
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT)", nullptr, nullptr, nullptr);
}

void seedTheme(sqlite3 *Db) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT value FROM settings WHERE name = 'theme'", -1, &Find, nullptr);
  // note: sqlrace-unhandled-unique-violation existence of a 'settings' row checked here, keyed on (name)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (sqlite3_step(Find) != SQLITE_ROW) {
    // expect: sqlrace-unhandled-unique-violation insert into 'settings' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO settings(name, value) VALUES ('theme', 'light') ON CONFLICT (name) DO NOTHING...*
    sqlite3_exec(Db, "INSERT INTO settings(name, value) VALUES ('theme', 'light')", nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(Find);
}
