// Racy: the service creates its own table with email text UNIQUE at start-up,
// then signs users up with a lookup followed by an INSERT. When a concurrent
// signup wins the race, the UNIQUE constraint rejects this INSERT with 23505,
// and the code treats that like any other failure: the user sees an error.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void migrate(PGconn *Conn) {
  // note: sqlrace-unhandled-unique-violation UNIQUE (email) rejects the duplicate
  PQclear(PQexec(Conn, "CREATE TABLE IF NOT EXISTS members (id serial PRIMARY KEY, email text UNIQUE, name text)"));
}

bool join(PGconn *Conn, const char *Email, const char *Name) {
  const char *Key[] = {Email};
  // note: sqlrace-unhandled-unique-violation existence of a 'members' row checked here, keyed on (email)
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM members WHERE email = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Exists = PQntuples(Found) > 0;
  PQclear(Found);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Exists)
    return false;
  const char *Row[] = {Email, Name};
  // expect: sqlrace-unhandled-unique-violation insert into 'members' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO members(email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING, then tell a new row from an existing one by the affected-row count
  PGresult *Added = PQexecParams(Conn, "INSERT INTO members(email, name) VALUES ($1, $2)", 2, nullptr, Row, nullptr, nullptr, 0);
  const bool Ok = PQresultStatus(Added) == PGRES_COMMAND_OK;
  PQclear(Added);
  return Ok;
}
