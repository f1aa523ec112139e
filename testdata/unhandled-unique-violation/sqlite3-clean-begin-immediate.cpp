// Clean: BEGIN IMMEDIATE takes the write lock before the check, so another
// process's insert of the same serial waits until COMMIT; by then this
// process's check and insert are done, and the unique index is never hit.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void registerDevice(sqlite3 *Db, const char *Serial, const char *Model) {
  if (sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return;
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM devices WHERE serial = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Serial, -1, SQLITE_STATIC);
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO devices(serial, model) VALUES (?, ?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Serial, -1, SQLITE_STATIC);
    sqlite3_bind_text(Add, 2, Model, -1, SQLITE_STATIC);
    // ok: sqlrace-unhandled-unique-violation
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
}
