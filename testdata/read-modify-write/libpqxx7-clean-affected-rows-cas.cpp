// Clean: compare-and-set. The new quantity is written only if the row still
// holds the quantity that was read (AND quantity = $3); affected_rows() of
// that UPDATE tells whether it won, and the caller retries when it did not.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

bool tryTake(pqxx::connection &Conn, int ItemId, int Count) {
  pqxx::work Tx(Conn);
  pqxx::result R = Tx.exec_params("SELECT quantity FROM stock WHERE item_id = $1", ItemId);
  if (R.empty())
    return false;
  const int Quantity = R[0][0].as<int>();
  // ok: sqlrace-read-modify-write
  pqxx::result U = Tx.exec_params("UPDATE stock SET quantity = $2 WHERE item_id = $1 AND quantity = $3", ItemId, Quantity - Count, Quantity);
  if (U.affected_rows() != 1)
    return false;
  Tx.commit();
  return true;
}
