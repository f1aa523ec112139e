// Clean: the transaction takes a transaction-scoped advisory lock on the
// hashed e-mail address before the check. Every signup for that address runs
// this same code, so they are serialised: the second one waits for the first
// COMMIT and then sees its row.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool signUp(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PQclear(PQexec(Conn, "BEGIN"));
  PQclear(PQexecParams(Conn, "SELECT pg_advisory_xact_lock(hashtext($1))", 1, nullptr, Params, nullptr, nullptr, 0));
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  const bool Absent = PQntuples(Found) == 0;
  PQclear(Found);
  if (Absent) {
    // ok: sqlrace-check-then-insert
    PQclear(PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(PQexec(Conn, "COMMIT"));
  return Absent;
}
