// Racy: inside a pqxx::work (READ COMMITTED) the balance is read with
// exec_params(), the payment is subtracted in C++ and the result is bound as
// $2. The work is a transaction, but the plain SELECT locks nothing: a
// concurrent deposit committed in between is overwritten.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

bool pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT balance FROM accounts WHERE id = $1", AccountId);
  if (R.empty())
    return false;
  const long Balance = R[0][0].as<long>();
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance - $2 WHERE id = $1, binding the change instead of the new value
  W.exec_params("UPDATE accounts SET balance = balance - $2 WHERE id = $1", AccountId, Amount);
  W.commit();
  return true;
}
