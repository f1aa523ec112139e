// Clean: SELECT ... FOR UPDATE runs through the same drogon::orm::Transaction
// as the UPDATE (callers pass *Db->newTransaction()), so the row stays locked
// until the transaction commits; a concurrent payment waits for it.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

bool pay(drogon::orm::Transaction &Tx, long AccountId, long Amount) {
  auto Read = Tx.execSqlSync("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", AccountId);
  if (Read.empty())
    return false;
  const long Balance = Read[0][0].as<long>();
  // ok: sqlrace-read-modify-write
  Tx.execSqlSync("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  return true;
}
