// Racy: a coupon redemption is recorded when COUNT(*) of earlier redemptions
// by this customer is 0, read with r[0][0].as<int>(). Two checkouts at once
// can both count 0, so a one-per-customer coupon is redeemed twice.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool redeemCoupon(pqxx::connection &Conn, const std::string &Code, int CustomerId) {
  pqxx::work W(Conn);
  pqxx::result R =
      // note: sqlrace-check-then-insert existence of a 'redemptions' row checked here, keyed on (coupon_code, customer_id)
      W.exec_params("SELECT COUNT(*) FROM redemptions WHERE coupon_code = $1 AND customer_id = $2", Code, CustomerId);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (R[0][0].as<int>() == 0) {
    // expect: sqlrace-check-then-insert insert into 'redemptions' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO redemptions(coupon_code, customer_id) VALUES ($1, $2) ON CONFLICT (coupon_code, customer_id) DO NOTHING, backed by a UNIQUE constraint on redemptions (coupon_code, customer_id)
    W.exec_params("INSERT INTO redemptions(coupon_code, customer_id) VALUES ($1, $2)", Code, CustomerId);
    W.commit();
    return true;
  }
  return false;
}
