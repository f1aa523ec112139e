// Clean: BEGIN; SELECT ... FOR UPDATE locks the order row until COMMIT, so a
// refund cannot change its status between the test and the UPDATE; it waits
// and then sees 'shipped'.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool ship(PGconn *Conn, const char *OrderId, const char *Tracking) {
  PQclear(PQexec(Conn, "BEGIN"));
  const char *Key[] = {OrderId};
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM orders WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1 || std::string(PQgetvalue(Read, 0, 0)) != "paid") {
    PQclear(Read);
    PQclear(PQexec(Conn, "ROLLBACK"));
    return false;
  }
  PQclear(Read);
  const char *Params[] = {OrderId, Tracking};
  // ok: sqlrace-check-then-update
  PQclear(PQexecParams(Conn, "UPDATE orders SET status = 'shipped', tracking_no = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  PQclear(PQexec(Conn, "COMMIT"));
  return true;
}
