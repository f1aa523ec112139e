// Clean: the INSERT is ON CONFLICT (team_id, user_id) DO NOTHING, matching the
// table's PRIMARY KEY. A concurrent add of the same member turns this insert
// into a no-op (0 rows) instead of a 23505 error.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>

bool addToTeam(PGconn *Conn, const char *TeamId, const char *UserId) {
  const char *Key[] = {TeamId, UserId};
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2", 2, nullptr, Key,
                               nullptr, nullptr, 0);
  const bool Member = PQntuples(Res) > 0;
  PQclear(Res);
  if (Member)
    return false;
  // ok: sqlrace-unhandled-unique-violation
  PGresult *Added = PQexecParams(Conn,
                                 "INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'member') "
                                 "ON CONFLICT (team_id, user_id) DO NOTHING",
                                 2, nullptr, Key, nullptr, nullptr, 0);
  const bool Inserted = atoi(PQcmdTuples(Added)) == 1;
  PQclear(Added);
  return Inserted;
}
