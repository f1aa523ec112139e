// Clean: the INSERT lives in addMember(), and the caller wraps the call in a
// try that catches pqxx::unique_violation. The violation thrown inside the
// helper reaches that handler, so a concurrent join is handled.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

static void addMember(pqxx::work &W, int TeamId, int UserId) {
  W.exec_params("INSERT INTO team_members(team_id, user_id, role) VALUES ($1, $2, 'member')", TeamId, UserId);
}

bool join(pqxx::connection &Conn, int TeamId, int UserId) {
  pqxx::work W(Conn);
  if (!W.exec_params("SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2", TeamId, UserId).empty())
    return false;
  try {
    // ok: sqlrace-unhandled-unique-violation
    addMember(W, TeamId, UserId);
    W.commit();
  } catch (const pqxx::unique_violation &) {
    return false;
  }
  return true;
}
