// Racy: the balance is read without FOR UPDATE in a transaction from
// DbClient::newTransaction() (READ COMMITTED), so a concurrent payment's
// update made between the read and the write is overwritten.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

bool refund(const drogon::orm::DbClientPtr &Db, long AccountId, long Amount) {
  auto Tx = Db->newTransaction();
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  auto Read = Tx->execSqlSync("SELECT balance FROM accounts WHERE id = $1", AccountId);
  if (Read.empty())
    return false;
  const long Balance = Read[0][0].as<long>();
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance + $2 WHERE id = $1, binding the change instead of the new value
  Tx->execSqlSync("UPDATE accounts SET balance = balance + $2 WHERE id = $1", AccountId, Amount);
  return true;
}
