// Racy: customers has a unique index on lower(email), and the check compares
// lower(email) = lower($1), which the expression index covers. Two signups
// differing only in case can both pass the check; the second INSERT then
// fails with 23505, unhandled.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void addCustomer(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PGresult *Res = PQexecParams(Conn, "SELECT id FROM customers WHERE lower(email) = lower($1)", 1, nullptr, Params,
                               nullptr, nullptr, 0);
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'customers' fails with a unique violation ...*
    PQclear(PQexecParams(Conn, "INSERT INTO customers(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
