// Clean: the insert through Database::exec() carries ON CONFLICT (user_id,
// name) DO NOTHING, so the database arbitrates a concurrent insert of the
// same settings row; the COUNT(*) check before it is only an optimisation.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>

void ensureDefaultSettings(SQLite::Database &Db) {
  SQLite::Statement Count(Db, "SELECT COUNT(*) FROM settings WHERE user_id = 1 AND name = 'theme'");
  Count.executeStep();
  if (Count.getColumn(0).getInt() == 0) {
    // ok: sqlrace-check-then-insert
    Db.exec("INSERT INTO settings(user_id, name, value) VALUES (1, 'theme', 'light') ON CONFLICT (user_id, name) DO NOTHING");
  }
}
