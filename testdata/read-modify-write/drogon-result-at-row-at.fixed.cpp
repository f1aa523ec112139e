// Racy: the balance is taken out of the result with Result::at() and
// Row::at() (the bounds-checked forms of operator[]), changed in C++ and
// written back. Two refunds that read the same balance both write their own
// sum, and one refund is lost.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

void refund(const drogon::orm::DbClientPtr &Db, long AccountId, long Cents) {
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  auto Read = Db->execSqlSync("SELECT balance FROM accounts WHERE id = $1", AccountId);
  const long Balance = Read.at(0).at(std::string("balance")).as<long>();
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance + $1 WHERE id = $2, binding the change instead of the new value
  Db->execSqlSync("UPDATE accounts SET balance = balance + $1 WHERE id = $2", Cents, AccountId);
}
