// Clean: after the INSERT fails, sqlite3_extended_errcode() is compared with
// SQLITE_CONSTRAINT_UNIQUE (2067), which is what UNIQUE (owner_id, label)
// produces when another process created the same key after the check.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool createKey(sqlite3 *Db, int OwnerId, const char *Label, const char *Secret) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM api_keys WHERE owner_id = ? AND label = ?", -1, &Find, nullptr);
  sqlite3_bind_int(Find, 1, OwnerId);
  sqlite3_bind_text(Find, 2, Label, -1, SQLITE_STATIC);
  bool Created = false;
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO api_keys(owner_id, label, secret) VALUES (?, ?, ?)", -1, &Add, nullptr);
    sqlite3_bind_int(Add, 1, OwnerId);
    sqlite3_bind_text(Add, 2, Label, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 3, Secret, -1, SQLITE_STATIC);
    // ok: sqlrace-unhandled-unique-violation
    if (sqlite3_step(Add) == SQLITE_DONE)
      Created = true;
    else if (sqlite3_extended_errcode(Db) == SQLITE_CONSTRAINT_UNIQUE)
      Created = false; // created concurrently; the caller shows the existing key
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  return Created;
}
