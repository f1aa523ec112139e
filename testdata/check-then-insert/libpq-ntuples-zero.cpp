// Racy: signup looks the e-mail address up with PQexecParams() and inserts
// the account when PQntuples() is 0. Two signups with the same address can
// both get zero rows and both insert, leaving duplicate accounts.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

constexpr const char *FindUser = "SELECT 1 FROM users WHERE email = $1";
constexpr const char *AddUser = "INSERT INTO users(email) VALUES ($1)";

bool signUp(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  PGresult *Found = PQexecParams(Conn, FindUser, 1, nullptr, Params, nullptr, nullptr, 0);
  bool Created = false;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Found) == 0) {
    // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
    PGresult *Added = PQexecParams(Conn, AddUser, 1, nullptr, Params, nullptr, nullptr, 0);
    Created = PQresultStatus(Added) == PGRES_COMMAND_OK;
    PQclear(Added);
  }
  PQclear(Found);
  return Created;
}
