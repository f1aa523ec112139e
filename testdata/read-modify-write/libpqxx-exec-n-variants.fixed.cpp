// Racy, three times: the value is read with one of the "expect N rows"
// members of a libpqxx 6 transaction (exec_n, exec_params_n, exec_prepared1),
// taken out of the result with at() and c_str() or as<>(), changed in C++ and
// written back with the matching "expect no rows" member (exec0,
// exec_params0, exec_prepared0). Each is a read committed transaction, so a
// change made by another client between the read and the write is lost.
// The last function writes through exec_prepared_n(0, ...) after a FOR UPDATE
// read in the same transaction: the row is locked, nothing races.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <cstdlib>
#include <string>

void withdraw(pqxx::connection &Conn, int Id, long Amount) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  const pqxx::result R = W.exec_n(1, "SELECT balance FROM accounts WHERE id = " + W.quote(Id));
  const long Balance = std::atol(R.at(0).at(0).c_str());
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET balance = balance + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  W.exec0("UPDATE accounts SET balance = " + W.quote(Balance - Amount) + " WHERE id = " + W.quote(Id));
  W.commit();
}

void earn(pqxx::connection &Conn, int CustomerId, long Earned) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'points' read from 'loyalty' here, keyed on (customer_id)
  const pqxx::result R = W.exec_params_n(1, "SELECT points FROM loyalty WHERE customer_id = $1", CustomerId);
  const long Points = R.at(0).at("points").as<long>();
  // expect: sqlrace-read-modify-write update of 'loyalty.points' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE loyalty SET points = points + $2 WHERE customer_id = $1, binding the change instead of the new value
  W.exec_params0("UPDATE loyalty SET points = points + $2 WHERE customer_id = $1", CustomerId, Earned);
  W.commit();
}

void restock(pqxx::connection &Conn, const std::string &Sku, int Added) {
  Conn.prepare("read_stock", "SELECT on_hand FROM stock WHERE sku = $1");
  Conn.prepare("write_stock", "UPDATE stock SET on_hand = $2 WHERE sku = $1");
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'on_hand' read from 'stock' here, keyed on (sku)
  const pqxx::row Row = W.exec_prepared1("read_stock", Sku);
  const int OnHand = Row.at(0).as<int>();
  // expect: sqlrace-read-modify-write update of 'stock.on_hand' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE stock SET on_hand = on_hand + $2 WHERE sku = $1, binding the change instead of the new value
  W.exec_prepared0("write_stock", Sku, OnHand + Added);
  W.commit();
}

void restockLocked(pqxx::connection &Conn, const std::string &Sku, int Added) {
  Conn.prepare("read_stock_locked", "SELECT on_hand FROM stock WHERE sku = $1 FOR UPDATE");
  Conn.prepare("write_stock_locked", "UPDATE stock SET on_hand = $2 WHERE sku = $1");
  pqxx::work W(Conn);
  const pqxx::row Row = W.exec_prepared1("read_stock_locked", Sku);
  const int OnHand = Row.at(0).as<int>();
  // ok: sqlrace-read-modify-write
  W.exec_prepared_n(0, "write_stock_locked", Sku, OnHand + Added);
  W.commit();
}
