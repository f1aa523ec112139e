// Clean: the balance read is only shown to the user; the write is
// self-relative (SET balance = balance - $2), so the server applies the
// change to whatever value the row holds when the UPDATE runs.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

long pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work Tx(Conn);
  pqxx::result R = Tx.exec_params("SELECT balance FROM accounts WHERE id = $1", AccountId);
  const long Before = R.empty() ? 0 : R[0][0].as<long>();
  // ok: sqlrace-read-modify-write
  Tx.exec_params("UPDATE accounts SET balance = balance - $2 WHERE id = $1", AccountId, Amount);
  Tx.commit();
  return Before - Amount;
}
