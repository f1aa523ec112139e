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
  // note: sqlrace-unhandled-unique-violation existence of a 'devices' row checked here, keyed on (serial)
  const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!Absent)
    return;
  sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO devices(serial, model) VALUES (?, ?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Serial, -1, SQLITE_STATIC);
  sqlite3_bind_text(Add, 2, Model, -1, SQLITE_STATIC);
  // expect: sqlrace-unhandled-unique-violation insert into 'devices' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation 'devices_serial' UNIQUE (serial) rejects the duplicate (declared at Inputs/uuv-sqlite.sql:6)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO devices(serial, model) VALUES (?, ?) ON CONFLICT (serial) DO NOTHING, then tell a new row from an existing one by the affected-row count
  sqlite3_step(Add);
  sqlite3_finalize(Add);
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
}
