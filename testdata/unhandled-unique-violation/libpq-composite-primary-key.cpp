// Racy: team_members has PRIMARY KEY (team_id, user_id) and the check fixes
// both columns, so the key covers it. If two admins add the same user at
// once, the second INSERT fails with 23505 and nobody handles it.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void addToTeam(PGconn *Conn, const char *TeamId, const char *UserId) {
  const char *Key[] = {TeamId, UserId};
  // note: sqlrace-unhandled-unique-violation existence of a 'team_members' row checked here, keyed on (team_id, user_id)
  PGresult *Res = PQexecParams(Conn, "SELECT role FROM team_members WHERE team_id = $1 AND user_id = $2", 2, nullptr, Key,
                               nullptr, nullptr, 0);
  const bool Member = PQntuples(Res) > 0;
  PQclear(Res);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!Member) {
    // expect: sqlrace-unhandled-unique-violation insert into 'team_members' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
    // note: sqlrace-unhandled-unique-violation PRIMARY KEY (team_id, user_id) rejects the duplicate (declared at Inputs/uuv-postgres.sql:9)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'member') ON CONFLICT (team_id, user_id) DO NOTHING, then tell a new row from an existing one by the affected-row count
    PQclear(PQexecParams(Conn, "INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'member')", 2, nullptr,
                         Key, nullptr, nullptr, 0));
  }
}
