// Racy: the gift card's redeemed flag is read with sqlite3_column_int and the
// card is redeemed when it is 0. In autocommit mode two checkouts can both
// read 0 and both run the UPDATE: the card pays for two orders.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool redeem(sqlite3 *Db, const char *Code, sqlite3_int64 OrderId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT redeemed FROM gift_cards WHERE code = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, Code, -1, SQLITE_TRANSIENT);
  bool Redeemed = false;
  // note: sqlrace-check-then-update 'gift_cards' row read here, keyed on (code)
  if (sqlite3_step(Read) == SQLITE_ROW) {
    // note: sqlrace-check-then-update the path is decided here by a value read from that row
    if (sqlite3_column_int(Read, 0) == 0) {
      sqlite3_stmt *Write = nullptr;
      sqlite3_prepare_v2(Db, "UPDATE gift_cards SET redeemed = 1, order_id = ? WHERE code = ?", -1, &Write, nullptr);
      sqlite3_bind_int64(Write, 1, OrderId);
      sqlite3_bind_text(Write, 2, Code, -1, SQLITE_TRANSIENT);
      // expect: sqlrace-check-then-update update of 'gift_cards' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
      // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
      Redeemed = sqlite3_step(Write) == SQLITE_DONE;
      sqlite3_finalize(Write);
    }
  }
  sqlite3_finalize(Read);
  return Redeemed;
}
