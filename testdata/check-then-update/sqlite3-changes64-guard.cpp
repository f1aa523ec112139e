// A coupon is redeemed when the row read says it is unused. redeem() restates
// the state in the UPDATE's WHERE and checks sqlite3_changes64() afterwards:
// the loser of a race changes 0 rows and knows it. redeemUnguarded() reads
// the same row (sqlite3_column_type() first, to skip a NULL state) and
// updates by id alone, so two clients can both redeem the coupon.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

bool redeem(sqlite3 *Db, sqlite3_int64 CouponId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT state FROM coupons WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, CouponId);
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const std::string State = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  if (State != "unused")
    return false;
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE coupons SET state = 'used' WHERE id = ? AND state = 'unused'", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, CouponId);
  // ok: sqlrace-check-then-update
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_changes64(Db) == 1;
}

bool redeemUnguarded(sqlite3 *Db, sqlite3_int64 CouponId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT state FROM coupons WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, CouponId);
  // note: sqlrace-check-then-update 'coupons' row read here, keyed on (id)
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (sqlite3_step(Read) != SQLITE_ROW || sqlite3_column_type(Read, 0) == SQLITE_NULL) {
    sqlite3_finalize(Read);
    return false;
  }
  const std::string State = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  if (State != "unused")
    return false;
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE coupons SET state = 'used' WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, CouponId);
  // expect: sqlrace-check-then-update update of 'coupons' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_changes64(Db) == 1;
}
