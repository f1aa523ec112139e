// After the INSERT fails, the SQLSTATE is read from the check's PGresult
// (Found) instead of the INSERT's (Added), a copy-paste slip. The comparison
// with "23505" can never match the INSERT's error: it handles nothing, and
// the INSERT's violation stays unhandled.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

enum class Open { Created, Taken, Error };

Open openAccount(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-unhandled-unique-violation existence of a 'accounts' row checked here, keyed on (email)
  PGresult *Found = PQexecParams(Conn, "SELECT id FROM accounts WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  Open Outcome = Open::Taken;
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (PQntuples(Found) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'accounts' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'accounts_email_key' UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-postgres.sql:4)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO accounts(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, then tell a new row from an existing one by the affected-row count
    PGresult *Added = PQexecParams(Conn, "INSERT INTO accounts(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0);
    Outcome = Open::Created;
    if (PQresultStatus(Added) != PGRES_COMMAND_OK) {
      const char *State = PQresultErrorField(Found, PG_DIAG_SQLSTATE); // meant: Added
      Outcome = State != nullptr && strcmp(State, "23505") == 0 ? Open::Taken : Open::Error;
    }
    PQclear(Added);
  }
  PQclear(Found);
  return Outcome;
}
