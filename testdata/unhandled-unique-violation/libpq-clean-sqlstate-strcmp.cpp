// Clean: the same lookup-then-insert as a plain signup, but when the INSERT
// fails its SQLSTATE is compared with "23505" via strcmp(). The UNIQUE
// constraint turns a lost race into that code, and the caller gets "taken".
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

enum class Open { Created, Taken, Error };

Open openAccount(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PGresult *Res = PQexecParams(Conn, "SELECT id FROM accounts WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  const bool Exists = PQntuples(Res) > 0;
  PQclear(Res);
  if (Exists)
    return Open::Taken;
  // ok: sqlrace-unhandled-unique-violation
  PGresult *Added = PQexecParams(Conn, "INSERT INTO accounts(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0);
  Open Outcome = Open::Created;
  if (PQresultStatus(Added) != PGRES_COMMAND_OK) {
    const char *State = PQresultErrorField(Added, PG_DIAG_SQLSTATE);
    Outcome = State != nullptr && strcmp(State, "23505") == 0 ? Open::Taken : Open::Error;
  }
  PQclear(Added);
  return Outcome;
}
