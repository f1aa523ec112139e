// Known false negative: the balance is read with field::to(Balance), the
// out-parameter form of as<long>(), and written back after the payment is
// subtracted. The lost update is the same as in libpqxx-balance-exec-params.cpp,
// but pqxx::field::to is not catalogued as a value accessor yet.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT balance FROM accounts WHERE id = $1", AccountId);
  long Balance = 0;
  R[0][0].to(Balance);
  // todo-expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read...*
  W.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  W.commit();
}
