// Racy: the balance is read with query_value<long>(), which
// runs the SELECT and returns the value of its one field, and written back
// after the payment is subtracted. The lost update is the same as in
// libpqxx7-balance-exec-params.cpp.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work Tx(Conn);
  const long Balance = Tx.query_value<long>("SELECT balance FROM accounts WHERE id = " + Tx.quote(AccountId));
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read...*
  Tx.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  Tx.commit();
}
