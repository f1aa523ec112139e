// Racy: the session advisory lock is taken on a separate "locks" connection,
// while the check and the insert run on the request connection. Only the
// session holding the lock is serialised, so two requests on their own
// connections still interleave between check and insert.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void createInvoiceNumber(PGconn *Conn, PGconn *Locks, const char *Number) {
  const char *Params[] = {Number};
  PQclear(PQexec(Locks, "SELECT pg_advisory_lock(4242)"));
  // note: sqlrace-check-then-insert existence of a 'invoices' row checked here, keyed on (number)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM invoices WHERE number = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'invoices' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO invoices(number) VALUES ($1) ON CONFLICT (number) DO NOTHING, backed by a UNIQUE constraint on invoices (number)
    PQclear(PQexecParams(Conn, "INSERT INTO invoices(number) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
  PQclear(PQexec(Locks, "SELECT pg_advisory_unlock(4242)"));
}
