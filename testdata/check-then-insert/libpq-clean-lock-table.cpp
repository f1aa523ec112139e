// Clean: inside the transaction, LOCK TABLE ... IN SHARE ROW EXCLUSIVE MODE is
// taken before the check. That mode conflicts with itself and with INSERT, so
// a second client waits at its LOCK TABLE until this one commits and then
// sees the row.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void addSku(PGconn *Conn, const char *Sku) {
  const char *Params[] = {Sku};
  PQclear(PQexec(Conn, "BEGIN"));
  PQclear(PQexec(Conn, "LOCK TABLE skus IN SHARE ROW EXCLUSIVE MODE"));
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM skus WHERE sku = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-check-then-insert
    PQclear(PQexecParams(Conn, "INSERT INTO skus(sku) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
  PQclear(PQexec(Conn, "COMMIT"));
}
