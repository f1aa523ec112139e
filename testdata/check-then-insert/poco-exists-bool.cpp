// Racy: SELECT EXISTS(...) is extracted into a bool, and the function
// returns early when the coupon code exists; otherwise it inserts it. Two
// admins creating the same code at once both read false and both insert.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool createCoupon(Poco::Data::Session &S, const std::string &Code, int Percent) {
  bool Exists = false;
  // note: sqlrace-check-then-insert existence of a 'coupons' row checked here, keyed on (code)
  S << "SELECT EXISTS(SELECT 1 FROM coupons WHERE code = ?)", into(Exists), useRef(Code), now;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Exists)
    return false;
  // expect: sqlrace-check-then-insert insert into 'coupons' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on coupons (code) and use the dialect's insert-if-absent form or handle the unique violation
  S << "INSERT INTO coupons(code, percent) VALUES (?, ?)", useRef(Code), bind(Percent), now;
  return true;
}
