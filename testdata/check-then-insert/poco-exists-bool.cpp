// Racy: SELECT EXISTS(...) is extracted into a bool, and the function
// returns early when the coupon code exists; otherwise it inserts it. Two
// admins creating the same code at once both read false and both insert.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool createCoupon(Poco::Data::Session &S, const std::string &Code, int Percent) {
  bool Exists = false;
  S << "SELECT EXISTS(SELECT 1 FROM coupons WHERE code = ?)", into(Exists), useRef(Code), now;
  if (Exists)
    return false;
  // expect: sqlrace-check-then-insert insert into 'coupons' ...*
  S << "INSERT INTO coupons(code, percent) VALUES (?, ?)", useRef(Code), bind(Percent), now;
  return true;
}
