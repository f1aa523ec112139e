// Racy: the balance is read with Cluster::Execute(...).AsSingleRow<long>(),
// the payment is subtracted in C++ and the new balance bound as $2. Each
// Cluster::Execute() runs on its own, so a deposit committed in between is
// overwritten.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void pay(const pg::ClusterPtr &Cluster, long AccountId, long Amount) {
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  const long Balance = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT balance FROM accounts WHERE id = $1", AccountId).AsSingleRow<long>();
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance - $2 WHERE id = $1, binding the change instead of the new value
  Cluster->Execute(pg::ClusterHostType::kMaster, "UPDATE accounts SET balance = balance - $2 WHERE id = $1", AccountId, Amount);
}
