// Clean: the look-alike of sqlite3-decision-in-step-loop.cpp inside BEGIN
// IMMEDIATE. The write lock is held from before the read until COMMIT, so
// the invite cannot be revoked between the test and the UPDATE.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool acceptInvite(sqlite3 *Db, sqlite3_int64 InviteId) {
  sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT revoked FROM invites WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, InviteId);
  int Revoked = 1;
  while (sqlite3_step(Read) == SQLITE_ROW)
    Revoked = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);
  if (Revoked != 0) {
    sqlite3_exec(Db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE invites SET accepted_at = strftime('%s','now') WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, InviteId);
  // ok: sqlrace-check-then-update
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}
