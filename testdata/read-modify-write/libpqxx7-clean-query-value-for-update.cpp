// Clean: query_value<long>() reads the balance with SELECT ... FOR UPDATE in
// the same pqxx::work as the UPDATE; the row lock holds until commit().
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

void withdraw(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work Tx(Conn);
  const long Balance = Tx.query_value<long>("SELECT balance FROM accounts WHERE id = " + Tx.quote(AccountId) + " FOR UPDATE");
  // ok: sqlrace-read-modify-write
  Tx.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  Tx.commit();
}
