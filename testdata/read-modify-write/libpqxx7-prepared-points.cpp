// Racy: loyalty points are read and written through statements prepared
// with connection::prepare() and run with exec_prepared(); the new total is
// computed in C++. Two purchases at once both add to the same old total.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

void addPoints(pqxx::connection &Conn, int CustomerId, int Earned) {
  Conn.prepare("read_points", "SELECT points FROM loyalty WHERE customer_id = $1");
  Conn.prepare("write_points", "UPDATE loyalty SET points = $2 WHERE customer_id = $1");
  pqxx::work Tx(Conn);
  // note: sqlrace-read-modify-write 'points' read from 'loyalty' here, keyed on (customer_id)
  pqxx::result R = Tx.exec_prepared("read_points", CustomerId);
  const int Points = R[0][0].as<int>();
  // expect: sqlrace-read-modify-write update of 'loyalty.points' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE loyalty SET points = points + $2 WHERE customer_id = $1, binding the change instead of the new value
  Tx.exec_prepared("write_points", CustomerId, Points + Earned);
  Tx.commit();
}
