// Clean for this check: team_members' PRIMARY KEY is (team_id, user_id), but
// the check asks whether the user is in any team (user_id only). The key does
// not cover that check, so no violation is guaranteed; the pair is a plain
// check-then-insert ("first team" created twice).
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void ensureFirstTeam(pqxx::connection &Conn, int UserId, int DefaultTeam) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'team_members' row checked here, keyed on (user_id)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (W.exec_params("SELECT 1 FROM team_members WHERE user_id = $1", UserId).empty()) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'team_members' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'owner') ON CONFLICT (user_id) DO NOTHING, backed by a UNIQUE constraint on team_members (user_id)
    W.exec_params("INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'owner')", DefaultTeam, UserId);
  }
  W.commit();
}
