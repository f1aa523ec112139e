// Racy: the row is read in a loop over sqlite3_step() (the usual idiom even
// for one row) and the flag read in the loop decides whether the invite is
// accepted. In autocommit mode a revocation can land between the SELECT and
// the UPDATE, and the revoked invite is accepted anyway.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool acceptInvite(sqlite3 *Db, sqlite3_int64 InviteId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT revoked FROM invites WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, InviteId);
  int Revoked = 1;
  // note: sqlrace-check-then-update 'invites' row read here, keyed on (id)
  while (sqlite3_step(Read) == SQLITE_ROW)
    Revoked = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Revoked != 0)
    return false;

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE invites SET accepted_at = strftime('%s','now') WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, InviteId);
  // expect: sqlrace-check-then-update update of 'invites' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
  const bool Ok = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Ok;
}
