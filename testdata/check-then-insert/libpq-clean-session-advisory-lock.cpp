// Clean: a session-level pg_advisory_lock() is taken on the same connection
// before the check and released after the insert. It survives the autocommit
// statements in between, so concurrent creators of invoice numbers queue up.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void createInvoiceNumber(PGconn *Conn, const char *Number) {
  const char *Params[] = {Number};
  PQclear(PQexec(Conn, "SELECT pg_advisory_lock(4242)"));
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM invoices WHERE number = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-check-then-insert
    PQclear(PQexecParams(Conn, "INSERT INTO invoices(number) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
  PQclear(PQexec(Conn, "SELECT pg_advisory_unlock(4242)"));
}
