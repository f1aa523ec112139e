// Clean: the INSERT's sqlite3_step() result is kept in a local and compared
// with SQLITE_CONSTRAINT. A device registered by another process after the
// check is rejected by the unique index on devices(serial) and reported as
// already known.
// ARGS: --schema Inputs/uuv-sqlite.sql --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

enum class Reg { Added, Known, Failed };

Reg registerDevice(sqlite3 *Db, const char *Serial) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM devices WHERE serial = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Serial, -1, SQLITE_STATIC);
  const int Seen = sqlite3_step(Find);
  sqlite3_finalize(Find);
  if (Seen == SQLITE_ROW)
    return Reg::Known;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO devices(serial) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Serial, -1, SQLITE_STATIC);
  // ok: sqlrace-unhandled-unique-violation
  const int Rc = sqlite3_step(Add);
  sqlite3_finalize(Add);
  if (Rc == SQLITE_CONSTRAINT)
    return Reg::Known;
  return Rc == SQLITE_DONE ? Reg::Added : Reg::Failed;
}
