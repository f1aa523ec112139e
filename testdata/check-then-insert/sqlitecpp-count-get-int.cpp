// Racy: COUNT(*) of the user's default settings row is read with
// getColumn(0).getInt(), and a zero count leads to Database::exec() of the
// INSERT. Two first logins of the same user can both count 0 and both insert
// a defaults row.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>

void ensureDefaultSettings(SQLite::Database &Db) {
  SQLite::Statement Count(Db, "SELECT COUNT(*) FROM settings WHERE user_id = 1 AND name = 'theme'");
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (user_id, name)
  Count.executeStep();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count.getColumn(0).getInt() == 0) {
    // expect: sqlrace-check-then-insert insert into 'settings' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO settings(user_id, name, value) VALUES (1, 'theme', 'light') ON CONFLICT (user_id, name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on settings (user_id, name)
    Db.exec("INSERT INTO settings(user_id, name, value) VALUES (1, 'theme', 'light')");
  }
}
