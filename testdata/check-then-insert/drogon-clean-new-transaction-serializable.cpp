// Clean: the transaction comes from DbClient::newTransaction() (held in the
// std::shared_ptr<Transaction> it returns) and its first statement is SET
// TRANSACTION ISOLATION LEVEL SERIALIZABLE, so check and insert are safe, as
// in drogon-clean-serializable-transaction.cpp.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool claimHandle(const drogon::orm::DbClientPtr &Db, const std::string &Handle, int UserId) {
  auto Tx = Db->newTransaction();
  Tx->execSqlSync("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  if (!Tx->execSqlSync("SELECT 1 FROM handles WHERE handle = $1", Handle).empty())
    return false;
  // ok: sqlrace-check-then-insert
  Tx->execSqlSync("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  return true;
}
