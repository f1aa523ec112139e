// Clean: the UPDATE subtracts the price in SQL (SET balance = balance - ?)
// and binds only the change, so SQLite applies it to the current row and no
// update is lost. The balance read before is only used for the receipt.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>

int64_t buy(SQLite::Database &Db, int64_t WalletId, int64_t Price) {
  SQLite::Statement Read(Db, "SELECT balance FROM wallets WHERE id = ?");
  Read.bind(1, WalletId);
  if (!Read.executeStep())
    return -1;
  const int64_t Before = Read.getColumn(0).getInt64();

  SQLite::Statement Write(Db, "UPDATE wallets SET balance = balance - ? WHERE id = ?");
  Write.bind(1, Price);
  Write.bind(2, WalletId);
  // ok: sqlrace-read-modify-write
  Write.exec();
  return Before - Price; // shown on the receipt
}
