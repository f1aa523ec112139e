// Racy: the INSERT gets its ON CONFLICT clause only on the modern path; the
// legacy path jumps past the append to the label, so on that path the
// statement is a plain INSERT after the existence check. The label joins
// both paths: sqlrace reads the text there as the common prefix, the plain
// INSERT followed by an unknown part, as it does for `if (!Legacy) Add += ...`.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool signUp(PGconn *Conn, const char *Email, bool Legacy) {
  const char *Params[] = {Email};
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  PGresult *Found = PQexecParams(Conn, "SELECT 1 FROM users WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  bool Exists = PQntuples(Found) > 0;
  PQclear(Found);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Exists)
    return false;
  std::string Add = "INSERT INTO users(email) VALUES ($1)";
  if (Legacy)
    goto run;
  Add += " ON CONFLICT (email) DO NOTHING";
run:
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on users (email) and use the dialect's insert-if-absent form or handle the unique violation
  // note: sqlrace-check-then-insert SQL partly unknown at analysis time; the rewrite keeps the known parts
  PGresult *Added = PQexecParams(Conn, Add.c_str(), 1, nullptr, Params, nullptr, nullptr, 0);
  bool Created = PQresultStatus(Added) == PGRES_COMMAND_OK;
  PQclear(Added);
  return Created;
}
