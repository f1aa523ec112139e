// Known false positive: the row is read with SELECT ... FOR UPDATE and
// written through the same transaction, which DbClient::newTransaction()
// hands out in a std::shared_ptr; the lock holds until the transaction
// commits, as in drogon-clean-for-update-in-transaction.cpp.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

bool pay(const drogon::orm::DbClientPtr &Db, long AccountId, long Amount) {
  auto Tx = Db->newTransaction();
  auto Read = Tx->execSqlSync("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", AccountId);
  if (Read.empty())
    return false;
  const long Balance = Read[0][0].as<long>();
  // FIXME(analyzer): the transaction type role is looked up on the variable's own type, not through std::shared_ptr<drogon::orm::Transaction>, and a transaction handed out by a factory method (DbClient::newTransaction(), role missing: "returns a transaction object on this connection") cannot be declared at all.
  // todo-ok: sqlrace-read-modify-write update of 'accounts.balance' writes back ...*
  Tx->execSqlSync("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  return true;
}
