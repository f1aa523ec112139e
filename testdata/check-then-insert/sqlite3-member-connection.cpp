// Racy: a coupon store keeps its connection in a member. The lookup returns
// early when the code is already taken; otherwise it falls through to the
// INSERT. Both statements use this->Db, so it is one connection, and two
// admins creating the same code can both pass the check.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

class CouponStore {
public:
  explicit CouponStore(sqlite3 *Db) : Db(Db) {}

  bool create(const char *Code, int PercentOff) {
    sqlite3_stmt *Find = nullptr;
    sqlite3_prepare_v2(this->Db, "SELECT 1 FROM coupons WHERE code = ? LIMIT 1", -1, &Find, nullptr);
    sqlite3_bind_text(Find, 1, Code, -1, SQLITE_TRANSIENT);
    // note: sqlrace-check-then-insert existence of a 'coupons' row checked here, keyed on (code)
    // note: sqlrace-check-then-insert the path goes on from here only when no row was found
    if (sqlite3_step(Find) == SQLITE_ROW) {
      sqlite3_finalize(Find);
      return false;
    }
    sqlite3_finalize(Find);

    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(this->Db, "INSERT INTO coupons(code, percent_off) VALUES (?, ?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(Add, 2, PercentOff);
    // expect: sqlrace-check-then-insert insert into 'coupons' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO coupons(code, percent_off) VALUES (?, ?) ON CONFLICT (code) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on coupons (code)
    const bool Ok = sqlite3_step(Add) == SQLITE_DONE;
    sqlite3_finalize(Add);
    return Ok;
  }

private:
  sqlite3 *Db;
};
