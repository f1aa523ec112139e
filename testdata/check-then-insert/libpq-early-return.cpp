// Racy: the lookup returns early when the username is taken, and the INSERT
// runs on the fall-through path, which is the "no row" path. An early return
// is just another way of branching on the check, so the race is the same as
// with an if/else.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool reserveUsername(PGconn *Conn, const char *Name, const char *OwnerId) {
  const char *Find[] = {Name};
  // note: sqlrace-check-then-insert existence of a 'usernames' row checked here, keyed on (name)
  PGresult *Res = PQexecParams(Conn, "SELECT owner_id FROM usernames WHERE name = $1", 1, nullptr, Find, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) > 0) {
    PQclear(Res);
    return false;
  }
  PQclear(Res);

  const char *Add[] = {Name, OwnerId};
  // expect: sqlrace-check-then-insert insert into 'usernames' can race with the preceding existence check...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes...*
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): ...*ON CONFLICT (name) DO NOTHING, backed by a UNIQUE constraint on usernames (name)
  Res = PQexecParams(Conn, "INSERT INTO usernames(name, owner_id) VALUES ($1, $2)", 2, nullptr, Add, nullptr, nullptr, 0);
  const bool Ok = PQresultStatus(Res) == PGRES_COMMAND_OK;
  PQclear(Res);
  return Ok;
}
