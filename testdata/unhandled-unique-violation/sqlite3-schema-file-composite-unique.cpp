// Racy: the schema file declares UNIQUE (owner_id, label) on api_keys and the
// check fixes both columns. Creating the same labelled key twice at once
// makes the second INSERT fail with SQLITE_CONSTRAINT, which is not handled.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void createKey(sqlite3 *Db, int OwnerId, const char *Label, const char *Secret) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM api_keys WHERE owner_id = ? AND label = ?", -1, &Find, nullptr);
  sqlite3_bind_int(Find, 1, OwnerId);
  sqlite3_bind_text(Find, 2, Label, -1, SQLITE_STATIC);
  // note: sqlrace-unhandled-unique-violation existence of a 'api_keys' row checked here, keyed on (owner_id, label)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO api_keys(owner_id, label, secret) VALUES (?, ?, ?)", -1, &Add, nullptr);
    sqlite3_bind_int(Add, 1, OwnerId);
    sqlite3_bind_text(Add, 2, Label, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 3, Secret, -1, SQLITE_STATIC);
    // expect: sqlrace-unhandled-unique-violation insert into 'api_keys' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation UNIQUE (owner_id, label) rejects the duplicate (declared at Inputs/uuv-sqlite.sql:4)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO api_keys(owner_id, label, secret) VALUES (?, ?, ?) ON CONFLICT (owner_id, label) DO NOTHING, then tell a new row from an existing one by the affected-row count
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
