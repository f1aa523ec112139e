// Clean: BEGIN IMMEDIATE takes the write lock before the gift card is read
// and keeps it until COMMIT, so no other connection can redeem the card
// between the test and the UPDATE.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool redeem(sqlite3 *Db, const char *Code, sqlite3_int64 OrderId) {
  if (sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return false;
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT redeemed FROM gift_cards WHERE code = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, Code, -1, SQLITE_TRANSIENT);
  bool Redeemed = false;
  if (sqlite3_step(Read) == SQLITE_ROW && sqlite3_column_int(Read, 0) == 0) {
    sqlite3_stmt *Write = nullptr;
    sqlite3_prepare_v2(Db, "UPDATE gift_cards SET redeemed = 1, order_id = ? WHERE code = ?", -1, &Write, nullptr);
    sqlite3_bind_int64(Write, 1, OrderId);
    sqlite3_bind_text(Write, 2, Code, -1, SQLITE_TRANSIENT);
    // ok: sqlrace-check-then-update
    Redeemed = sqlite3_step(Write) == SQLITE_DONE;
    sqlite3_finalize(Write);
  }
  sqlite3_finalize(Read);
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
  return Redeemed;
}
