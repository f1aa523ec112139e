// Racy: a default setting is seeded when COUNT(*) for its name is 0, using
// sqlite3_exec() for the INSERT. Two processes starting at the same time can
// both count 0 and both seed the row.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void seedDefaultTheme(sqlite3 *Db) {
  sqlite3_stmt *Count = nullptr;
  sqlite3_prepare_v2(Db, "SELECT COUNT(*) FROM settings WHERE name = 'theme'", -1, &Count, nullptr);
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (name)
  sqlite3_step(Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (sqlite3_column_int(Count, 0) == 0) {
    // expect: sqlrace-check-then-insert insert into 'settings' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO settings(name, value) VALUES ('theme', 'light') ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on settings (name)
    sqlite3_exec(Db, "INSERT INTO settings(name, value) VALUES ('theme', 'light')", nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(Count);
}
