// Racy: the new balance is bound once as $2 and written to two columns.
// Binding the change instead would write the change into shown_balance as
// well, so there is no ready-made rewrite and no fix-it, only the advice.
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
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET balance = balance + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  W.exec_params("UPDATE accounts SET balance = $2, shown_balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  W.commit();
  return true;
}
