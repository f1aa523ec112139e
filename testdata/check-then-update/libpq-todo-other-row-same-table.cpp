// Known false positive: a back-order is released when its original order is
// paid. The status of the original order (id = OriginalId) decides, but the
// UPDATE writes the back-order's row (id = BackOrderId) of the same table,
// so the row that was tested is not the row that is written. Rows are
// matched by their key columns only (both statements fix orders.id), not by
// the values bound to them, so the UPDATE is taken for one of the row read.
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

void releaseBackOrder(PGconn *Conn, const char *OriginalId, const char *BackOrderId) {
  const char *Key[] = {OriginalId};
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM orders WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 1 && strcmp(PQgetvalue(Read, 0, 0), "paid") == 0) {
    const char *Params[] = {BackOrderId};
    // FIXME(analyzer): the same row is decided by the key columns alone; key values bound from two different parameters (OriginalId, BackOrderId) are not told apart.
    // todo-ok: sqlrace-check-then-update update of 'orders' depends on a state read earlier...*
    PQclear(PQexecParams(Conn, "UPDATE orders SET status = 'released' WHERE id = $1", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Read);
}
