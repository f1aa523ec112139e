// Racy: the balance is read through COALESCE(balance, 0), a missing balance
// counting as zero, the price is subtracted in C++ and the result written
// back; in autocommit two purchases both write "balance - price". The
// SELECT reads the column inside an expression, which is still a read of
// it. The value read is not the column's (NULL became 0), so there is no
// rewrite and no fix-it: SET balance = balance - ? would leave NULL.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool buy(sqlite3 *Db, sqlite3_int64 WalletId, sqlite3_int64 Price) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT COALESCE(balance, 0) FROM wallets WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, WalletId);
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const sqlite3_int64 Balance = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE wallets SET balance = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Balance - Price);
  sqlite3_bind_int64(Write, 2, WalletId);
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET balance = balance + <change>), or read and write the row inside one BEGIN IMMEDIATE transaction
  const bool Ok = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Ok;
}
