// Clean: a migration job checks whether a user exists in the *legacy*
// database and, if not, creates the user in the *new* database. The check and
// the insert go to different servers (two PGconn objects), so this is not a
// check for the row being inserted and there is no check-then-insert pair.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void copyIfNotInLegacy(PGconn *Legacy, PGconn *Current, const char *Email) {
  const char *Params[] = {Email};
  PGresult *Res = PQexecParams(Legacy, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-check-then-insert
    PQclear(PQexecParams(Current, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
