// Racy: check and insert run through one drogon::orm::Transaction (callers
// pass *Db->newTransaction()), but at READ COMMITTED a concurrent
// transaction can insert the same membership between the two statements.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

bool addMember(drogon::orm::Transaction &Tx, int TeamId, int UserId) {
  auto Found = Tx.execSqlSync("SELECT 1 FROM memberships WHERE team_id = $1 AND user_id = $2", TeamId, UserId);
  if (Found.size() != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'memberships' can race ...*
  Tx.execSqlSync("INSERT INTO memberships(team_id, user_id) VALUES ($1, $2)", TeamId, UserId);
  return true;
}
