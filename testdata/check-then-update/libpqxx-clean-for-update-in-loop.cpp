// Clean: a batch of shipments is marked delivered in one pqxx::work; each
// row is read with SELECT ... FOR UPDATE before its status is tested, so it
// stays locked until commit() and a concurrent return cannot slip in
// between the test and the UPDATE.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>
#include <vector>

int markDelivered(pqxx::connection &Conn, const std::vector<int> &ShipmentIds) {
  pqxx::work W(Conn);
  int Marked = 0;
  for (int Id : ShipmentIds) {
    pqxx::result R = W.exec_params("SELECT status FROM shipments WHERE id = $1 FOR UPDATE", Id);
    if (R.empty() || R[0][0].as<std::string>() != "in_transit")
      continue;
    // ok: sqlrace-check-then-update
    W.exec_params("UPDATE shipments SET status = 'delivered' WHERE id = $1", Id);
    ++Marked;
  }
  W.commit();
  return Marked;
}
