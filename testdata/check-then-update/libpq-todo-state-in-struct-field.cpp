// Known false negative: the row is loaded into a struct (Order.Status) before
// the test, as data-access code usually does. The UPDATE still depends on the
// status read a moment ago, but values are followed through local variables
// only, not through struct fields, so nothing is reported today.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

struct OrderRow {
  std::string Status;
  std::string Email;
};

bool cancel(PGconn *Conn, const char *OrderId) {
  const char *Key[] = {OrderId};
  PGresult *Read = PQexecParams(Conn, "SELECT status, email FROM orders WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return false;
  }
  OrderRow Order;
  Order.Status = PQgetvalue(Read, 0, 0);
  Order.Email = PQgetvalue(Read, 0, 1);
  PQclear(Read);
  if (Order.Status == "shipped")
    return false;
  // todo-expect: sqlrace-check-then-update update of 'orders' depends on a state read earlier...*
  PQclear(PQexecParams(Conn, "UPDATE orders SET status = 'cancelled' WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  return true;
}
