// Clean: the look-alike of sqlite3-step-loop.cpp inside BEGIN IMMEDIATE. The
// write lock is taken before the read, so no other connection can change
// the balance until COMMIT.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool refund(sqlite3 *Db, sqlite3_int64 WalletId, sqlite3_int64 Cents) {
  if (sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return false;
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT balance FROM wallets WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, WalletId);
  sqlite3_int64 Balance = 0;
  while (sqlite3_step(Read) == SQLITE_ROW)
    Balance = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE wallets SET balance = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, Balance + Cents);
  sqlite3_bind_int64(Write, 2, WalletId);
  // ok: sqlrace-read-modify-write
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}
