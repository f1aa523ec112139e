// Clean look-alike of libpq-other-insert-handles-its-own.cpp: the SQLSTATE
// compared with "23505" is read from the users INSERT's own result, so a
// duplicate made by a concurrent client is handled.
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

bool signUp(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  bool Exists = PQntuples(Found) > 0;
  PQclear(Found);
  if (Exists)
    return false;
  // ok: sqlrace-check-then-insert
  PGresult *User = PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0);
  const char *State = PQresultErrorField(User, PG_DIAG_SQLSTATE);
  bool Duplicate = State != nullptr && strcmp(State, "23505") == 0;
  PQclear(User);
  return !Duplicate;
}
