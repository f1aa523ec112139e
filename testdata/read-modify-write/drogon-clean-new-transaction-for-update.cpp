// Clean: the row is read with SELECT ... FOR UPDATE and
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
  // ok: sqlrace-read-modify-write
  Tx->execSqlSync("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  return true;
}
