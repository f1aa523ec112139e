// Racy: the key of the insert is the value the lookup was bound with, copied
// from another statement's column with sqlite3_bind_value(). The lookup finds
// no row, then the insert runs: two clients can both insert the same code.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void adoptCode(sqlite3 *Db, sqlite3_stmt *Source) {
  sqlite3_value *Code = sqlite3_column_value(Source, 0);
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM codes WHERE code = ?", -1, &Find, nullptr);
  sqlite3_bind_value(Find, 1, Code);
  // note: sqlrace-check-then-insert existence of a 'codes' row checked here, keyed on (code)
  const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Absent)
    return;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO codes(code) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_value(Add, 1, Code);
  // expect: sqlrace-check-then-insert insert into 'codes' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO codes(code) VALUES (?) ON CONFLICT (code) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on codes (code)
  sqlite3_step(Add);
  sqlite3_finalize(Add);
}
