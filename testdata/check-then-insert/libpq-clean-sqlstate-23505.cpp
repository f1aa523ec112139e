// Clean: when the INSERT fails, its SQLSTATE is compared with "23505"
// (unique_violation), so the duplicate created by a concurrent signup is
// caught by the UNIQUE constraint on users(email) and reported as "taken".
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

enum class SignUp { Created, Taken, Error };

SignUp signUp(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  const bool Exists = PQntuples(Found) > 0;
  PQclear(Found);
  if (Exists)
    return SignUp::Taken;

  // ok: sqlrace-check-then-insert
  PGresult *Res = PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0);
  SignUp Outcome = SignUp::Created;
  if (PQresultStatus(Res) == PGRES_FATAL_ERROR) {
    // A server-side error always carries a SQLSTATE.
    if (strcmp(PQresultErrorField(Res, PG_DIAG_SQLSTATE), "23505") == 0)
      Outcome = SignUp::Taken;
    else
      Outcome = SignUp::Error;
  }
  PQclear(Res);
  return Outcome;
}
