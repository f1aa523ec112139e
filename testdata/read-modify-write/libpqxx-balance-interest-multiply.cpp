// Racy: a year's interest is credited by reading the balance, multiplying
// it by 1.05 in C++ and writing the product back; a deposit committed in
// between is lost. The new value is a product, not the value read plus or
// minus a change, so the note does not offer SET balance = balance +
// <change>: it names the row lock and the conditional UPDATE instead.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void creditInterest(pqxx::connection &Conn, int AccountId) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'balance' read from 'savings' here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT balance FROM savings WHERE id = $1", AccountId);
  if (R.empty())
    return;
  const double Balance = R[0][0].as<double>();
  // expect: sqlrace-read-modify-write update of 'savings.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND balance = <value read> in its WHERE) and check how many rows it changed
  W.exec_params("UPDATE savings SET balance = $2 WHERE id = $1", AccountId, Balance * 1.05);
  W.commit();
}
