// Racy: read and write run in one Transaction from Cluster::Begin() with
// default options (READ COMMITTED); the stock is read with
// result[0]["on_hand"].As<int>(). The plain SELECT locks nothing, so a
// concurrent restock committed in between is overwritten.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

void ship(const pg::ClusterPtr &Cluster, const std::string &Sku, int Quantity) {
  auto Trx = Cluster->Begin(pg::TransactionOptions{});
  // note: sqlrace-read-modify-write 'on_hand' read from 'inventory' here, keyed on (sku)
  const pg::ResultSet Stock = Trx.Execute("SELECT on_hand FROM inventory WHERE sku = $1", Sku);
  int OnHand = Stock[0]["on_hand"].As<int>();
  OnHand -= Quantity;
  // expect: sqlrace-read-modify-write update of 'inventory.on_hand' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE inventory SET on_hand = on_hand - $2 WHERE sku = $1, binding the change instead of the new value
  Trx.Execute("UPDATE inventory SET on_hand = $2 WHERE sku = $1", Sku, OnHand);
  Trx.Commit();
}
