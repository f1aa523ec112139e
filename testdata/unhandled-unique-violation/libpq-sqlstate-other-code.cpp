// Racy: the failed INSERT's SQLSTATE is compared with "23503"
// (foreign_key_violation: the user was deleted), not with "23505". The duplicate
// a concurrent client causes is therefore not recognised.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

enum class Session { Created, Exists, UserGone, Error };

Session createSession(PGconn *Conn, const char *Token, const char *UserId) {
  const char *Key[] = {Token};
  // note: sqlrace-unhandled-unique-violation existence of a 'sessions' row checked here, keyed on (token)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM sessions WHERE token = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Exists = PQntuples(Res) > 0;
  PQclear(Res);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Exists)
    return Session::Exists;
  const char *Row[] = {Token, UserId};
  // expect: sqlrace-unhandled-unique-violation insert into 'sessions' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation PRIMARY KEY (token) rejects the duplicate (declared at Inputs/uuv-postgres.sql:18)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO sessions(token, user_id) VALUES ($1, $2) ON CONFLICT (token) DO NOTHING, then tell a new row from an existing one by the affected-row count
  PGresult *Added = PQexecParams(Conn, "INSERT INTO sessions(token, user_id) VALUES ($1, $2)", 2, nullptr, Row, nullptr,
                                 nullptr, 0);
  Session Outcome = Session::Created;
  if (PQresultStatus(Added) == PGRES_FATAL_ERROR) {
    const char *State = PQresultErrorField(Added, PG_DIAG_SQLSTATE);
    Outcome = State != nullptr && strcmp(State, "23503") == 0 ? Session::UserGone : Session::Error;
  }
  PQclear(Added);
  return Outcome;
}
