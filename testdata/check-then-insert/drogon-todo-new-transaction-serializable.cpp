// Known false positive: the transaction comes from DbClient::newTransaction()
// and its first statement is SET TRANSACTION ISOLATION LEVEL SERIALIZABLE,
// so check and insert are safe, as in
// drogon-clean-serializable-transaction.cpp. Held in the
// std::shared_ptr<Transaction> that newTransaction() returns, the statements
// are not seen as running in a transaction.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool claimHandle(const drogon::orm::DbClientPtr &Db, const std::string &Handle, int UserId) {
  auto Tx = Db->newTransaction();
  Tx->execSqlSync("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  if (!Tx->execSqlSync("SELECT 1 FROM handles WHERE handle = $1", Handle).empty())
    return false;
  // FIXME(analyzer): the transaction type role is looked up on the variable's own type, not through std::shared_ptr<drogon::orm::Transaction>, and a transaction handed out by a factory method (DbClient::newTransaction(), role missing: "returns a transaction object on this connection") cannot be declared at all.
  // todo-ok: sqlrace-check-then-insert insert into 'handles' can race ...*
  Tx->execSqlSync("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  return true;
}
