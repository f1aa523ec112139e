// Racy: the balance is read in a loop over sqlite3_step() (the key matches
// one row, but the loop is the usual idiom) and the new value is bound to the
// UPDATE after the loop. In autocommit mode another process can write the
// balance between the two statements.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void refund(sqlite3 *Db, sqlite3_int64 WalletId, sqlite3_int64 Cents) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT balance FROM wallets WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, WalletId);
  sqlite3_int64 Balance = 0;
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
  while (sqlite3_step(Read) == SQLITE_ROW)
    Balance = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE wallets SET balance = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Balance + Cents);
  sqlite3_bind_int64(Write, 2, WalletId);
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE wallets SET balance = balance + ? WHERE id = ?, binding the change instead of the new value
  sqlite3_step(Write);
  sqlite3_finalize(Write);
}
