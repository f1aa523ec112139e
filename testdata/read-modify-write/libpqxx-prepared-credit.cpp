// Racy: a refund adds credit through prepared statements (connection::prepare
// + exec_prepared). The sum is computed in C++ and bound as $2, so a purchase
// that spends credit in between is undone by this write.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void refund(pqxx::connection &Conn, int CustomerId, long Cents) {
  Conn.prepare("read_credit", "SELECT credit_cents FROM customers WHERE id = $1");
  Conn.prepare("write_credit", "UPDATE customers SET credit_cents = $2 WHERE id = $1");
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'credit_cents' read from 'customers' here, keyed on (id)
  pqxx::result R = W.exec_prepared("read_credit", CustomerId);
  const long Credit = R[0][0].as<long>();
  // expect: sqlrace-read-modify-write update of 'customers.credit_cents' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE customers SET credit_cents = credit_cents + $2 WHERE id = $1, binding the change instead of the new value
  W.exec_prepared("write_credit", CustomerId, Credit + Cents);
  W.commit();
}
