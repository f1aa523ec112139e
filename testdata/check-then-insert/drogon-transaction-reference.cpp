// Racy: check and insert run through one drogon::orm::Transaction (callers
// pass *Db->newTransaction()), but at READ COMMITTED a concurrent
// transaction can insert the same membership between the two statements.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

bool addMember(drogon::orm::Transaction &Tx, int TeamId, int UserId) {
  // note: sqlrace-check-then-insert existence of a 'memberships' row checked here, keyed on (team_id, user_id)
  auto Found = Tx.execSqlSync("SELECT 1 FROM memberships WHERE team_id = $1 AND user_id = $2", TeamId, UserId);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Found.size() != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'memberships' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO memberships(team_id, user_id) VALUES ($1, $2) ON CONFLICT (team_id, user_id) DO NOTHING, backed by a UNIQUE constraint on memberships (team_id, user_id)
  Tx.execSqlSync("INSERT INTO memberships(team_id, user_id) VALUES ($1, $2)", TeamId, UserId);
  return true;
}
