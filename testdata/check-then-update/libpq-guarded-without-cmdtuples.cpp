// Racy: the UPDATE does restate the status (AND status = 'pending'), but the
// code never reads PQcmdTuples(). When a concurrent cancel wins, 0 rows change
// and the caller still sends the "order confirmed" e-mail.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool confirm(PGconn *Conn, const char *OrderId) {
  const char *Key[] = {OrderId};
  // note: sqlrace-check-then-update 'orders' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM orders WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Pending = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "pending";
  PQclear(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Pending)
    return false;
  // expect: sqlrace-check-then-update update of 'orders' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  PGresult *Wrote = PQexecParams(Conn, "UPDATE orders SET status = 'confirmed' WHERE id = $1 AND status = 'pending'", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Ok = PQresultStatus(Wrote) == PGRES_COMMAND_OK;
  PQclear(Wrote);
  return Ok;
}
