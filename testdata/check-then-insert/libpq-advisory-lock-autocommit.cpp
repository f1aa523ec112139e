// Racy: pg_advisory_xact_lock() is called without BEGIN. In autocommit the
// lock belongs to its own one-statement transaction and is released as soon
// as that SELECT ends, before the check runs, so it serialises nothing.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void signUp(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PQclear(PQexecParams(Conn, "SELECT pg_advisory_xact_lock(hashtext($1))", 1, nullptr, Params, nullptr, nullptr, 0));
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Found) == 0) {
    // expect: sqlrace-check-then-insert insert into 'users' can race ...*
    // note: sqlrace-check-then-insert the lock was taken outside a transaction and released at the end of its own statement, before the check
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING...*
    PQclear(PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Found);
}
