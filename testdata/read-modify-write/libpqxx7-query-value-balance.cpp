// Racy: the balance is read with query_value<long>(), which
// runs the SELECT and returns the value of its one field, and written back
// after the payment is subtracted. The lost update is the same as in
// libpqxx7-balance-exec-params.cpp.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work Tx(Conn);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  const long Balance = Tx.query_value<long>("SELECT balance FROM accounts WHERE id = " + Tx.quote(AccountId));
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance - $2 WHERE id = $1, binding the change instead of the new value
  Tx.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  Tx.commit();
}
