// Racy: the session advisory lock is taken on a separate "locks" connection,
// while the check and the insert run on the request connection. Only the
// session holding the lock is serialised, so two requests on their own
// connections still interleave between check and insert.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void createInvoiceNumber(PGconn *Conn, PGconn *Locks, const char *Number) {
  const char *Params[] = {Number};
  PQclear(PQexec(Locks, "SELECT pg_advisory_lock(4242)"));
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM invoices WHERE number = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'invoices' can race ...*
    PQclear(PQexecParams(Conn, "INSERT INTO invoices(number) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
  PQclear(PQexec(Locks, "SELECT pg_advisory_unlock(4242)"));
}
