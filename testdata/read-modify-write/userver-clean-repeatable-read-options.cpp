// Clean: the transaction is begun with
// TransactionOptions{IsolationLevel::kRepeatableRead}; in PostgreSQL a
// REPEATABLE READ transaction that updates a row changed after its snapshot
// fails with 40001 instead of losing the other update.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void addCredit(const pg::ClusterPtr &Cluster, long CustomerId, long Cents) {
  auto Trx = Cluster->Begin(pg::TransactionOptions{pg::IsolationLevel::kRepeatableRead});
  const long Credit = Trx.Execute("SELECT credit_cents FROM customers WHERE id = $1", CustomerId).AsSingleRow<long>();
  // ok: sqlrace-read-modify-write
  Trx.Execute("UPDATE customers SET credit_cents = $2 WHERE id = $1", CustomerId, Credit + Cents);
  Trx.Commit();
}
