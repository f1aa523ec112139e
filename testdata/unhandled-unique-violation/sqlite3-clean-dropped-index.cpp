// Clean for this check: the schema code first creates a unique index on
// aliases(alias) and later drops it (aliases became per-domain). With no key
// left, a duplicate is stored rather than rejected, so the pair is a plain
// check-then-insert.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS aliases (alias TEXT NOT NULL, domain TEXT NOT NULL)", nullptr, nullptr, nullptr);
  sqlite3_exec(Db, "CREATE UNIQUE INDEX IF NOT EXISTS aliases_alias ON aliases(alias)", nullptr, nullptr, nullptr);
}

void upgradeSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "DROP INDEX IF EXISTS aliases_alias", nullptr, nullptr, nullptr);
}

void addAlias(sqlite3 *Db, const char *Alias, const char *Domain) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM aliases WHERE alias = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Alias, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'aliases' row checked here, keyed on (alias)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO aliases(alias, domain) VALUES (?, ?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Alias, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 2, Domain, -1, SQLITE_STATIC);
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'aliases' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO aliases(alias, domain) VALUES (?, ?) ON CONFLICT (alias) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on aliases (alias)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
