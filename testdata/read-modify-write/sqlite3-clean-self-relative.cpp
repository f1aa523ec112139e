// Clean: the balance is read only to show it on the receipt; the purchase is
// applied with a self-relative UPDATE (SET balance = balance - ?), which SQLite
// runs under its write lock against the current row.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

sqlite3_int64 buy(sqlite3 *Db, sqlite3_int64 WalletId, sqlite3_int64 Price) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT balance FROM wallets WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, WalletId);
  sqlite3_int64 Before = 0;
  if (sqlite3_step(Read) == SQLITE_ROW)
    Before = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE wallets SET balance = balance - ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Price);
  sqlite3_bind_int64(Write, 2, WalletId);
  // ok: sqlrace-read-modify-write
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return Before;
}
