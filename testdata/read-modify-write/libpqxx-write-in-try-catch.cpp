// Racy: the UPDATE runs in a try block that catches pqxx::sql_error and
// reports the failure. Catching errors does not make the read and the write
// atomic: the pqxx::work is READ COMMITTED, and a concurrent top-up between
// the SELECT and the UPDATE is overwritten without any error.
// REQUIRES: pkg(libpqxx)
#include <iostream>
#include <pqxx/pqxx>

bool topUp(pqxx::connection &Conn, int CardId, int Cents) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'balance' read from 'gift_cards' here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT balance FROM gift_cards WHERE id = $1", CardId);
  if (R.empty())
    return false;
  const int Balance = R[0][0].as<int>();
  try {
    // expect: sqlrace-read-modify-write update of 'gift_cards.balance' writes back a value computed from an earlier read...*
    // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
    // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE gift_cards SET balance = balance + $2 WHERE id = $1, binding the change instead of the new value
    W.exec_params("UPDATE gift_cards SET balance = $2 WHERE id = $1", CardId, Balance + Cents);
    W.commit();
  } catch (const pqxx::sql_error &E) {
    std::cerr << "top-up failed: " << E.what() << '\n';
    return false;
  }
  return true;
}
