// Clean: the transaction takes pg_advisory_xact_lock on the user id before
// checking, so a second request for the same user waits until this
// transaction ends and then finds the settings row.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void createSettings(const pg::ClusterPtr &Cluster, long UserId) {
  auto Trx = Cluster->Begin(pg::TransactionOptions{});
  Trx.Execute("SELECT pg_advisory_xact_lock($1)", UserId);
  if (Trx.Execute("SELECT 1 FROM settings WHERE user_id = $1", UserId).IsEmpty())
    // ok: sqlrace-check-then-insert
    Trx.Execute("INSERT INTO settings(user_id) VALUES ($1)", UserId);
  Trx.Commit();
}
