// Racy: the INSERT's result status is checked, but every failure is reported
// as a generic error; the SQLSTATE is never compared with 23505. A lost race
// against a concurrent signup therefore surfaces as "signup failed" instead
// of "address taken".
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

enum class SignUp { Created, Taken, Error };

SignUp signUp(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-unhandled-unique-violation existence of a 'users' row checked here, keyed on (email)
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  const bool Taken = PQntuples(Found) > 0;
  PQclear(Found);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Taken)
    return SignUp::Taken;
  // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-postgres.sql:16)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, then tell a new row from an existing one by the affected-row count
  PGresult *Added = PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0);
  const SignUp Outcome = PQresultStatus(Added) == PGRES_COMMAND_OK ? SignUp::Created : SignUp::Error;
  PQclear(Added);
  return Outcome;
}
