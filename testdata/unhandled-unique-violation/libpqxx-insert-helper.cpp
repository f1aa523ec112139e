// Racy: the INSERT lives in addMember(), which runs it in the transaction it
// is given; the caller calls it when the lookup found no row. team_members'
// PRIMARY KEY (team_id, user_id) rejects a concurrent duplicate with
// pqxx::unique_violation, and neither function catches it.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

static void addMember(pqxx::work &W, int TeamId, int UserId) {
  // note: sqlrace-unhandled-unique-violation the insert runs here, inside 'addMember'
  W.exec_params("INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'member')", TeamId, UserId);
}

void join(pqxx::connection &Conn, int TeamId, int UserId) {
  pqxx::work W(Conn);
  // note: sqlrace-unhandled-unique-violation existence of a 'team_members' row checked here, keyed on (team_id, user_id)
  const pqxx::result R = W.exec_params("SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2", TeamId, UserId);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (R.empty())
    // expect: sqlrace-unhandled-unique-violation insert into 'team_members' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation PRIMARY KEY (team_id, user_id) rejects the duplicate (declared at Inputs/uuv-postgres.sql:9)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): ...*ON CONFLICT (team_id, user_id) DO NOTHING...*
    addMember(W, TeamId, UserId);
  W.commit();
}
