// Racy: the invitation is skipped with an early return when one already
// exists for (team, email); otherwise the fall-through path inserts it. Two
// admins inviting the same person at once both get an empty result.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool inviteMember(pqxx::connection &Conn, int TeamId, const std::string &Email) {
  pqxx::work W(Conn);
  const pqxx::result Existing =
      // note: sqlrace-check-then-insert existence of a 'invitations' row checked here, keyed on (team_id, email)
      W.exec_params("SELECT id FROM invitations WHERE team_id = $1 AND email = $2 LIMIT 1", TeamId, Email);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Existing.empty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'invitations' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO invitations(team_id, email) VALUES ($1, $2) ON CONFLICT (team_id, email) DO NOTHING, backed by a UNIQUE constraint on invitations (team_id, email)
  W.exec_params("INSERT INTO invitations(team_id, email) VALUES ($1, $2)", TeamId, Email);
  W.commit();
  return true;
}
