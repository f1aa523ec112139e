// Racy: BEGIN IMMEDIATE is issued after the counter was read, so the read
// ran in autocommit mode outside the write lock. Another process can
// increment the counter between the SELECT and BEGIN IMMEDIATE, and this one
// then writes back its stale value + 1.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void bumpSequence(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT next_value FROM sequences WHERE name = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, Name, -1, SQLITE_TRANSIENT);
  sqlite3_int64 Next = 1;
  // note: sqlrace-read-modify-write 'next_value' read from 'sequences' here, keyed on (name)
  if (sqlite3_step(Read) == SQLITE_ROW)
    Next = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE sequences SET next_value = ? WHERE name = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Next + 1);
  sqlite3_bind_text(Write, 2, Name, -1, SQLITE_TRANSIENT);
  // expect: sqlrace-read-modify-write update of 'sequences.next_value' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE sequences SET next_value = next_value + ? WHERE name = ?, binding the change instead of the new value
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
}
