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
  const pg::ResultSet Stock = Trx.Execute("SELECT on_hand FROM inventory WHERE sku = $1", Sku);
  int OnHand = Stock[0]["on_hand"].As<int>();
  OnHand -= Quantity;
  // expect: sqlrace-read-modify-write update of 'inventory.on_hand' writes back ...*
  Trx.Execute("UPDATE inventory SET on_hand = $2 WHERE sku = $1", Sku, OnHand);
  Trx.Commit();
}
