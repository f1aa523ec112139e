// Racy: COUNT(*) of the user's default settings row is read with
// getColumn(0).getInt(), and a zero count leads to Database::exec() of the
// INSERT. Two first logins of the same user can both count 0 and both insert
// a defaults row.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>

void ensureDefaultSettings(SQLite::Database &Db) {
  SQLite::Statement Count(Db, "SELECT COUNT(*) FROM settings WHERE user_id = 1 AND name = 'theme'");
  Count.executeStep();
  if (Count.getColumn(0).getInt() == 0) {
    // expect: sqlrace-check-then-insert insert into 'settings' ...*
    Db.exec("INSERT INTO settings(user_id, name, value) VALUES (1, 'theme', 'light')");
  }
}
