// Clean for this check: team_members' PRIMARY KEY is (team_id, user_id), but
// the check asks whether the user is in any team (user_id only). The key does
// not cover that check, so no violation is guaranteed; the pair is a plain
// check-then-insert ("first team" created twice).
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void ensureFirstTeam(pqxx::connection &Conn, int UserId, int DefaultTeam) {
  pqxx::work W(Conn);
  if (W.exec_params("SELECT 1 FROM team_members WHERE user_id = $1", UserId).empty()) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'team_members' can race ...*
    W.exec_params("INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'owner')", DefaultTeam, UserId);
  }
  W.commit();
}
