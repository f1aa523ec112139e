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
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM sessions WHERE token = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Exists = PQntuples(Res) > 0;
  PQclear(Res);
  if (Exists)
    return Session::Exists;
  const char *Row[] = {Token, UserId};
  // expect: sqlrace-unhandled-unique-violation insert into 'sessions' fails with a unique violation ...*
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
