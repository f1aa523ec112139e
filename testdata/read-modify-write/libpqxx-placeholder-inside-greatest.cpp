// Racy: an order takes items from stock; the new quantity is computed in
// C++ and clamped at zero in SQL, GREATEST($2, 0). The placeholder is part
// of a larger value, so the rewrite puts the change where the placeholder
// was: GREATEST((quantity - $2), 0). Writing quantity - GREATEST($2, 0)
// would clamp the change instead of the result.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void take(pqxx::connection &Conn, const std::string &Sku, int Ordered) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (sku)
  pqxx::result R = W.exec_params("SELECT quantity FROM stock WHERE sku = $1", Sku);
  if (R.empty())
    return;
  const int Quantity = R[0][0].as<int>();
  // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE stock SET quantity = GREATEST((quantity - $2), 0) WHERE sku = $1, binding the change instead of the new value
  W.exec_params("UPDATE stock SET quantity = GREATEST($2, 0) WHERE sku = $1", Sku, Quantity - Ordered);
  W.commit();
}
