// Clean: the write is one INSERT ... SELECT ... WHERE NOT EXISTS statement.
// SQLite runs a write statement under the database write lock, so the NOT
// EXISTS test and the insert are atomic (0 duplicates in checker/sql/proofs).
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void seedDefaultTheme(sqlite3 *Db) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM settings WHERE name = 'theme'", -1, &Find, nullptr);
  if (sqlite3_step(Find) == SQLITE_DONE) {
    // ok: sqlrace-check-then-insert
    sqlite3_exec(Db,
                 "INSERT INTO settings(name, value) SELECT 'theme', 'light' "
                 "WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = 'theme')",
                 nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(Find);
}
