// Clean: the failed INSERT's SQLSTATE is copied into a std::string and
// compared with "23505" using ==. A duplicate created by a concurrent signup
// is thus recognised as "already registered".
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

enum class SignUp { Created, Taken, Error };

SignUp signUp(PGconn *Conn, const std::string &Email) {
  const char *Params[] = {Email.c_str()};
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  const bool Absent = PQntuples(Found) == 0;
  PQclear(Found);
  if (!Absent)
    return SignUp::Taken;
  // ok: sqlrace-unhandled-unique-violation
  PGresult *Added = PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0);
  SignUp Outcome = SignUp::Created;
  if (PQresultStatus(Added) != PGRES_COMMAND_OK) {
    const char *Field = PQresultErrorField(Added, PG_DIAG_SQLSTATE);
    const std::string State = Field != nullptr ? Field : "";
    Outcome = State == "23505" ? SignUp::Taken : SignUp::Error;
  }
  PQclear(Added);
  return Outcome;
}
