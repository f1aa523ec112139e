// Racy, and the caller is told the new balance: the value computed in C++
// is returned after the UPDATE. The rewrite note therefore adds RETURNING
// balance: with the change computed in the UPDATE, the value computed here
// would be stale whenever another client changed the row in between, so the
// program must use the one the database returns. No fix-it: the new value
// lives in a local that is used again.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

long pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT balance FROM accounts WHERE id = $1", AccountId);
  if (R.empty())
    return -1;
  const long NewBalance = R[0][0].as<long>() - Amount;
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance - $2 WHERE id = $1 RETURNING balance, binding the change instead of the new value, and use the value it returns: the one computed here is stale when another client changed the row
  W.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, NewBalance);
  W.commit();
  return NewBalance;
}
