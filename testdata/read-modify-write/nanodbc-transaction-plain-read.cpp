// Racy: read and write run inside a nanodbc::transaction, but at the
// driver's default isolation (READ COMMITTED on most servers) a plain SELECT
// locks nothing: a concurrent restock committed between the read and the
// write is overwritten.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

void ship(nanodbc::connection &Conn, const std::string &Sku, int Quantity) {
  nanodbc::transaction Txn(Conn);
  // note: sqlrace-read-modify-write 'on_hand' read from 'inventory' here, keyed on (sku)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  nanodbc::result Read = nanodbc::execute(Conn, "SELECT on_hand FROM inventory WHERE sku = '" + Sku + "'");
  int OnHand = 0;
  if (Read.next())
    OnHand = Read.get<int>(0);
  const int Left = OnHand - Quantity;
  // expect: sqlrace-read-modify-write update of 'inventory.on_hand' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET on_hand = on_hand + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  nanodbc::just_execute(Conn, "UPDATE inventory SET on_hand = " + std::to_string(Left) + " WHERE sku = '" + Sku + "'");
  Txn.commit();
}
