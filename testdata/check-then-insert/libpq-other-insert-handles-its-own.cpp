// Racy: the INSERT into users is not handled. A later INSERT into tags
// compares its own SQLSTATE with "23505"; that handles the tags insert's
// duplicate only and says nothing about the users insert above it.
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

bool signUp(PGconn *Conn, const char *Email, const char *Tag) {
  const char *Params[] = {Email};
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  bool Exists = PQntuples(Found) > 0;
  PQclear(Found);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Exists)
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' can race ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
  PGresult *User = PQexecParams(Conn, "INSERT INTO users(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0);
  PQclear(User);
  const char *TagParams[] = {Tag};
  // ok: sqlrace-check-then-insert
  PGresult *Added = PQexecParams(Conn, "INSERT INTO tags(name) VALUES ($1)", 1, nullptr, TagParams, nullptr, nullptr, 0);
  const char *State = PQresultErrorField(Added, PG_DIAG_SQLSTATE);
  bool Duplicate = State != nullptr && strcmp(State, "23505") == 0;
  PQclear(Added);
  return !Duplicate;
}
