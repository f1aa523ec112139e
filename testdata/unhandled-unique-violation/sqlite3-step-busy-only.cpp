// Racy: the INSERT's result is compared with SQLITE_BUSY (retry later), not
// with SQLITE_CONSTRAINT. A device registered by another process after the
// check is rejected by the unique index on devices(serial), and that error
// goes unrecognised.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

enum class Reg { Added, Known, Retry, Failed };

Reg registerDevice(sqlite3 *Db, const char *Serial) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM devices WHERE serial = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Serial, -1, SQLITE_STATIC);
  // note: sqlrace-unhandled-unique-violation existence of a 'devices' row checked here, keyed on (serial)
  const int Seen = sqlite3_step(Find);
  sqlite3_finalize(Find);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Seen == SQLITE_ROW)
    return Reg::Known;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO devices(serial) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Serial, -1, SQLITE_STATIC);
  // expect: sqlrace-unhandled-unique-violation insert into 'devices' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation 'devices_serial' UNIQUE (serial) rejects the duplicate (declared at Inputs/uuv-sqlite.sql:6)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO devices(serial) VALUES (?) ON CONFLICT (serial) DO NOTHING, then tell a new row from an existing one by the affected-row count
  const int Rc = sqlite3_step(Add);
  sqlite3_finalize(Add);
  if (Rc == SQLITE_BUSY)
    return Reg::Retry;
  return Rc == SQLITE_DONE ? Reg::Added : Reg::Failed;
}
