// Racy: every purchase earns one bonus point, which the SELECT adds itself:
// it returns points + 1, not the column. The points earned are added in C++
// and the sum is written back: a concurrent purchase in between is lost.
// The value read is an expression of the column, so binding the change in
// SET points = points + $2 would drop the bonus point: no rewrite and no
// fix-it, only the advice.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void earn(pqxx::connection &Conn, int CustomerId, int Earned) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'points' read from 'loyalty' here, keyed on (customer_id)
  pqxx::result R = W.exec_params("SELECT points + 1 FROM loyalty WHERE customer_id = $1", CustomerId);
  if (R.empty())
    return;
  const int WithBonus = R[0][0].as<int>();
  // expect: sqlrace-read-modify-write update of 'loyalty.points' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET points = points + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  W.exec_params("UPDATE loyalty SET points = $2 WHERE customer_id = $1", CustomerId, WithBonus + Earned);
  W.commit();
}
