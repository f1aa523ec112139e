// Racy: the stock level is read from the one row exec_params1() returns, by
// column name (row::operator[](zview)), and the reserved quantity is
// subtracted in C++. Two orders that read the same level both write
// "level - quantity", so one reservation is lost.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void reserve(pqxx::connection &Conn, const std::string &Sku, int Quantity) {
  pqxx::work Tx(Conn);
  // note: sqlrace-read-modify-write 'on_hand' read from 'stock' here, keyed on (sku)
  pqxx::row Item = Tx.exec_params1("SELECT on_hand FROM stock WHERE sku = $1", Sku);
  int OnHand = Item["on_hand"].as<int>();
  OnHand -= Quantity;
  // expect: sqlrace-read-modify-write update of 'stock.on_hand' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE stock SET on_hand = on_hand - $1 WHERE sku = $2, binding the change instead of the new value
  Tx.exec_params("UPDATE stock SET on_hand = $1 WHERE sku = $2", OnHand, Sku);
  Tx.commit();
}
