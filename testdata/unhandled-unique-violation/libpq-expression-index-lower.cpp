// Racy: customers has a unique index on lower(email), and the check compares
// lower(email) = lower($1), which the expression index covers. Two signups
// differing only in case can both pass the check; the second INSERT then
// fails with 23505, unhandled.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void addCustomer(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-unhandled-unique-violation existence of a 'customers' row checked here, keyed on (email)
  PGresult *Res = PQexecParams(Conn, "SELECT id FROM customers WHERE lower(email) = lower($1)", 1, nullptr, Params,
                               nullptr, nullptr, 0);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'customers' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'customers_email_lower' UNIQUE (lower(email)) rejects the duplicate (declared at Inputs/uuv-postgres.sql:11)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO customers(email) VALUES ($1) ON CONFLICT (lower(email)) DO NOTHING, then tell a new row from an existing one by the affected-row count
    PQclear(PQexecParams(Conn, "INSERT INTO customers(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
