// Clean: the order's status decides whether to notify, but the UPDATE writes
// the customer's row (customers, keyed on id = the customer), not the order
// that was tested, so no state of that order is written back.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void noteDelivery(pqxx::connection &Conn, int OrderId, int CustomerId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT status FROM orders WHERE id = $1", OrderId);
  if (!R.empty() && R[0][0].as<std::string>() == "delivered") {
    // ok: sqlrace-check-then-update
    W.exec_params("UPDATE customers SET last_delivery_at = now() WHERE id = $1", CustomerId);
  }
  W.commit();
}
