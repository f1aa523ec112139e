// Clean: the first statement of the drogon::orm::Transaction is
// SET TRANSACTION ISOLATION LEVEL SERIALIZABLE (drogon has no isolation
// option of its own), so check and insert run in one serializable
// transaction; of two concurrent claims one fails with SQLSTATE 40001.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool claimHandle(drogon::orm::Transaction &Tx, const std::string &Handle, int UserId) {
  Tx.execSqlSync("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  if (!Tx.execSqlSync("SELECT 1 FROM handles WHERE handle = $1", Handle).empty())
    return false;
  // ok: sqlrace-check-then-insert
  Tx.execSqlSync("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  return true;
}
