// Racy: the lookup is compiled with the legacy sqlite3_prepare(), its key is
// bound with sqlite3_bind_text64(), and sqlite3_data_count() == 0 after the
// step means no row came back; the insert binds the key as a blob with
// sqlite3_bind_blob(). Two clients can both see no row and both insert.
// The second function is the same lookup whose insert says INSERT OR IGNORE:
// the database decides, nothing races.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

void addAlias(sqlite3 *Db, const std::string &Alias) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare(Db, "SELECT 1 FROM aliases WHERE alias = ?", -1, &Find, nullptr);
  sqlite3_bind_text64(Find, 1, Alias.data(), Alias.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  // note: sqlrace-check-then-insert existence of a 'aliases' row checked here, keyed on (alias)
  sqlite3_step(Find);
  const int Columns = sqlite3_data_count(Find);
  sqlite3_finalize(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Columns == 0) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare(Db, "INSERT INTO aliases(alias) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_blob(Add, 1, Alias.data(), static_cast<int>(Alias.size()), SQLITE_TRANSIENT);
    // expect: sqlrace-check-then-insert insert into 'aliases' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO aliases(alias) VALUES (?) ON CONFLICT (alias) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on aliases (alias)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
}

void addAliasOrIgnore(sqlite3 *Db, const std::string &Alias) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare(Db, "SELECT 1 FROM aliases WHERE alias = ?", -1, &Find, nullptr);
  sqlite3_bind_text64(Find, 1, Alias.data(), Alias.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  sqlite3_step(Find);
  const int Columns = sqlite3_data_count(Find);
  sqlite3_finalize(Find);
  if (Columns == 0) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare(Db, "INSERT OR IGNORE INTO aliases(alias) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_blob(Add, 1, Alias.data(), static_cast<int>(Alias.size()), SQLITE_TRANSIENT);
    // ok: sqlrace-check-then-insert
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
}
