// Clean: the balance read is archived into old_balance, and balance is set
// to an absolute value the caller chose, not one computed from the read (a
// reset, not a lost update). "balance" is only the end of "old_balance":
// the value assigned to balance is the second placeholder, bound to
// NewBalance.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool reset(sqlite3 *Db, sqlite3_int64 WalletId, sqlite3_int64 NewBalance) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT balance FROM wallets WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, WalletId);
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const sqlite3_int64 Balance = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE wallets SET old_balance = ?, balance = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Balance);
  sqlite3_bind_int64(Write, 2, NewBalance);
  sqlite3_bind_int64(Write, 3, WalletId);
  // ok: sqlrace-read-modify-write
  const bool Ok = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Ok;
}
