// Clean: compare-and-set. The new balance is written only if the row still
// holds the balance that was read (AND balance = $3), and RowsAffected()
// tells whether this writer won; on 0 the caller re-reads and retries.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

bool tryPay(const pg::ClusterPtr &Cluster, long AccountId, long Amount) {
  const long Balance = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT balance FROM accounts WHERE id = $1", AccountId).AsSingleRow<long>();
  // ok: sqlrace-read-modify-write
  const pg::ResultSet Written = Cluster->Execute(pg::ClusterHostType::kMaster, "UPDATE accounts SET balance = $2 WHERE id = $1 AND balance = $3", AccountId, Balance - Amount, Balance);
  return Written.RowsAffected() == 1;
}
