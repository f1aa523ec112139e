// Racy: shipping returns early unless the order's status is 'paid'; the
// UPDATE after the early return does not restate the status. A refund that
// lands between the SELECT and the UPDATE is overwritten with 'shipped', and
// a refunded order goes out.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool ship(PGconn *Conn, const char *OrderId, const char *Tracking) {
  const char *Key[] = {OrderId};
  // note: sqlrace-check-then-update 'orders' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM orders WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return false;
  }
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (std::string(PQgetvalue(Read, 0, 0)) != "paid") {
    PQclear(Read);
    return false;
  }
  PQclear(Read);
  const char *Params[] = {OrderId, Tracking};
  // expect: sqlrace-check-then-update update of 'orders' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  PQclear(PQexecParams(Conn, "UPDATE orders SET status = 'shipped', tracking_no = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
