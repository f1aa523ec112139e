// Racy: BEGIN IMMEDIATE is taken only after the check answered "absent", so
// two processes can both decide to insert the same serial. The unique index on
// devices(serial) rejects the second one, and sqlite3_step()'s result is
// ignored.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void registerDevice(sqlite3 *Db, const char *Serial, const char *Model) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM devices WHERE serial = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Serial, -1, SQLITE_STATIC);
  const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  if (!Absent)
    return;
  sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO devices(serial, model) VALUES (?, ?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Serial, -1, SQLITE_STATIC);
  sqlite3_bind_text(Add, 2, Model, -1, SQLITE_STATIC);
  // expect: sqlrace-unhandled-unique-violation insert into 'devices' fails with a unique violation ...*
  sqlite3_step(Add);
  sqlite3_finalize(Add);
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
}
