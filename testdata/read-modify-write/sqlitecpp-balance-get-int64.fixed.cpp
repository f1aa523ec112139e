// Racy: the wallet balance is read with getColumn(0).getInt64(), the price
// is subtracted in C++ and the new balance is bound to the UPDATE. In
// autocommit mode two purchases that read the same balance both write
// "balance - price": one of them is free.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>

bool buy(SQLite::Database &Db, int64_t WalletId, int64_t Price) {
  SQLite::Statement Read(Db, "SELECT balance FROM wallets WHERE id = ?");
  Read.bind(1, WalletId);
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
  if (!Read.executeStep())
    return false;
  const int64_t Balance = Read.getColumn(0).getInt64();

  SQLite::Statement Write(Db, "UPDATE wallets SET balance = balance - ? WHERE id = ?");
  Write.bind(1, Price);
  Write.bind(2, WalletId);
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE wallets SET balance = balance - ? WHERE id = ?, binding the change instead of the new value
  return Write.exec() == 1;
}
