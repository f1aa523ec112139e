// Racy: as sqlite3-balance-bind-int64.cpp, with the column written in
// brackets, [balance], which SQLite accepts as a quoted name. The rewrite
// names the column as the UPDATE names it, brackets included.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool buy(sqlite3 *Db, sqlite3_int64 WalletId, sqlite3_int64 Price) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT [balance] FROM wallets WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, WalletId);
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const sqlite3_int64 Balance = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE wallets SET [balance] = [balance] - ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Price);
  sqlite3_bind_int64(Write, 2, WalletId);
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE wallets SET [balance] = [balance] - ? WHERE id = ?, binding the change instead of the new value
  const bool Ok = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Ok;
}
