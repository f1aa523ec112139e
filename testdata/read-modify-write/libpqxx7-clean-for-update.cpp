// Clean: SELECT ... FOR UPDATE runs inside the same pqxx::work as the UPDATE,
// so the row stays locked until commit(); a concurrent payment waits and
// then reads the balance written here.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

bool pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work Tx(Conn);
  pqxx::result R = Tx.exec_params("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", AccountId);
  if (R.empty())
    return false;
  const long Balance = R[0][0].as<long>();
  // ok: sqlrace-read-modify-write
  Tx.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  Tx.commit();
  return true;
}
