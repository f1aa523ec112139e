// Clean: inside BEGIN, pg_advisory_xact_lock() on the hashed address is taken
// before the check and held until COMMIT. Signups for one address are
// serialised, so the second sees the first one's row and never reaches an
// INSERT that the UNIQUE constraint would reject.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void openAccount(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PQclear(PQexec(Conn, "BEGIN"));
  PQclear(PQexecParams(Conn, "SELECT pg_advisory_xact_lock(hashtext($1))", 1, nullptr, Params, nullptr, nullptr, 0));
  PGresult *Res = PQexecParams(Conn, "SELECT id FROM accounts WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    PQclear(PQexecParams(Conn, "INSERT INTO accounts(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
  PQclear(PQexec(Conn, "COMMIT"));
}
