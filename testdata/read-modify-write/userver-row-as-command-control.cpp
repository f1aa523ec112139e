// Racy: inside a Transaction from Cluster::Begin() with default options (READ
// COMMITTED), the points are read with Row::As<long>(kRowTag) and written
// back through Transaction::Execute(OptionalCommandControl, query, args...),
// the overload that takes per-statement timeouts. The plain SELECT locks
// nothing, so points earned by a concurrent order are overwritten.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void earn(const pg::ClusterPtr &Cluster, long CustomerId, long Earned) {
  const pg::CommandControl Timeouts{pg::TimeoutDuration{500}, pg::TimeoutDuration{400}};
  auto Trx = Cluster->Begin(pg::TransactionOptions{});
  // note: sqlrace-read-modify-write 'points' read from 'loyalty' here, keyed on (customer_id)
  const pg::ResultSet Read = Trx.Execute(Timeouts, "SELECT points FROM loyalty WHERE customer_id = $1", CustomerId);
  const long Points = Read[0].As<long>(pg::kRowTag);
  // expect: sqlrace-read-modify-write update of 'loyalty.points' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE loyalty SET points = points + $2 WHERE customer_id = $1, binding the change instead of the new value
  Trx.Execute(Timeouts, "UPDATE loyalty SET points = $2 WHERE customer_id = $1", CustomerId, Points + Earned);
  Trx.Commit();
}
