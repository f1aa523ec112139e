// Racy: the balance is read with DbClient::execSqlSync() and
// result[0]["balance"].as<long>(), the payment is subtracted in C++ and the
// new balance is bound as $2. Each execSqlSync() runs on its own, so a
// deposit committed in between is overwritten.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

bool pay(const drogon::orm::DbClientPtr &Db, long AccountId, long Amount) {
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  auto Read = Db->execSqlSync("SELECT balance FROM accounts WHERE id = $1", AccountId);
  if (Read.empty())
    return false;
  const long Balance = Read[0]["balance"].as<long>();
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance - $2 WHERE id = $1, binding the change instead of the new value
  Db->execSqlSync("UPDATE accounts SET balance = balance - $2 WHERE id = $1", AccountId, Amount);
  return true;
}
