// Clean for this check: customers' unique index is on lower(email), but the
// check compares the plain column, email = $1. The expression index does not
// cover that check (it can miss case variants), so this is reported as a
// plain check-then-insert.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void addCustomer(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-check-then-insert existence of a 'customers' row checked here, keyed on (email)
  PGresult *Res = PQexecParams(Conn, "SELECT id FROM customers WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'customers' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO customers(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on customers (email)
    PQclear(PQexecParams(Conn, "INSERT INTO customers(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
