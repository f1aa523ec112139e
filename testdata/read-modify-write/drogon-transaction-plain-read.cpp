// Racy: read and write run through one drogon::orm::Transaction (callers
// pass *Db->newTransaction()), but at READ COMMITTED a plain SELECT locks
// nothing: a concurrent restock committed in between is overwritten.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

void ship(drogon::orm::Transaction &Tx, const std::string &Sku, int Quantity) {
  // note: sqlrace-read-modify-write 'on_hand' read from 'inventory' here, keyed on (sku)
  auto Read = Tx.execSqlSync("SELECT on_hand FROM inventory WHERE sku = $1", Sku);
  const int OnHand = Read.empty() ? 0 : Read[0][0].as<int>();
  // expect: sqlrace-read-modify-write update of 'inventory.on_hand' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE inventory SET on_hand = on_hand - $2 WHERE sku = $1, binding the change instead of the new value
  Tx.execSqlSync("UPDATE inventory SET on_hand = $2 WHERE sku = $1", Sku, OnHand - Quantity);
}
