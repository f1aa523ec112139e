// Clean for this check: api_keys has UNIQUE (owner_id, label), but the check
// fixes only label ("labels are global"). Different owners may share a label
// under that key, so it does not cover the check; the pair is a plain
// check-then-insert.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void createKey(sqlite3 *Db, int OwnerId, const char *Label, const char *Secret) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM api_keys WHERE label = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Label, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'api_keys' row checked here, keyed on (label)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO api_keys(owner_id, label, secret) VALUES (?, ?, ?)", -1, &Add, nullptr);
    sqlite3_bind_int(Add, 1, OwnerId);
    sqlite3_bind_text(Add, 2, Label, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 3, Secret, -1, SQLITE_STATIC);
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'api_keys' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO api_keys(owner_id, label, secret) VALUES (?, ?, ?) ON CONFLICT (label) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on api_keys (label)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
