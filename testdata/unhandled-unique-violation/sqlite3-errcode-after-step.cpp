// The insert's failure is read with sqlite3_errcode() on the connection.
// registerDevice() compares it with SQLITE_CONSTRAINT, which is the unique
// violation: handled, no finding. registerDeviceBusyOnly() compares it with
// SQLITE_BUSY only, so a second registration of the same serial fails with a
// constraint error nobody looks at.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

static bool known(sqlite3 *Db, const char *Serial) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM devices WHERE serial = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Serial, -1, SQLITE_TRANSIENT);
  // note: sqlrace-unhandled-unique-violation the check runs here, inside 'known'
  const bool Found = sqlite3_step(Find) == SQLITE_ROW;
  sqlite3_finalize(Find);
  return Found;
}

bool registerDevice(sqlite3 *Db, const char *Serial) {
  if (known(Db, Serial))
    return false;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO devices(serial) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Serial, -1, SQLITE_TRANSIENT);
  // ok: sqlrace-unhandled-unique-violation
  sqlite3_step(Add);
  sqlite3_finalize(Add);
  return sqlite3_errcode(Db) != SQLITE_CONSTRAINT;
}

bool registerDeviceBusyOnly(sqlite3 *Db, const char *Serial) {
  // note: sqlrace-unhandled-unique-violation existence of a 'devices' row checked by calling 'known', keyed on (serial)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (known(Db, Serial))
    return false;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO devices(serial) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Serial, -1, SQLITE_TRANSIENT);
  // expect: sqlrace-unhandled-unique-violation insert into 'devices' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
  // note: sqlrace-unhandled-unique-violation 'devices_serial' UNIQUE (serial) rejects the duplicate (declared at Inputs/uuv-sqlite.sql:6)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO devices(serial) VALUES (?) ON CONFLICT (serial) DO NOTHING, then tell a new row from an existing one by the affected-row count
  sqlite3_step(Add);
  sqlite3_finalize(Add);
  return sqlite3_errcode(Db) != SQLITE_BUSY;
}
