// Clean: SELECT ... FOR UPDATE runs in the same Transaction as the UPDATE,
// so the row stays locked until Commit(); a concurrent payment waits and
// then reads the balance written here.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void pay(const pg::ClusterPtr &Cluster, long AccountId, long Amount) {
  auto Trx = Cluster->Begin(pg::ClusterHostType::kMaster, pg::TransactionOptions{});
  const long Balance = Trx.Execute("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", AccountId).AsSingleRow<long>();
  // ok: sqlrace-read-modify-write
  Trx.Execute("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  Trx.Commit();
}
