// Racy: exec1() reads exactly one row and `[0].as<int>()` takes the stock
// level; the decremented value is concatenated into the UPDATE text. Two
// checkouts that read 5 both write 4: one sold item is never subtracted.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void sellOne(pqxx::connection &Conn, int ItemId) {
  pqxx::work W(Conn);
  const std::string Id = std::to_string(ItemId);
  // note: sqlrace-read-modify-write 'stock' read from 'items' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  const int Stock = W.exec1("SELECT stock FROM items WHERE id = " + Id)[0].as<int>();
  const int Left = Stock - 1;
  // expect: sqlrace-read-modify-write update of 'items.stock' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET stock = stock + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  W.exec("UPDATE items SET stock = " + std::to_string(Left) + " WHERE id = " + Id);
  W.commit();
}
