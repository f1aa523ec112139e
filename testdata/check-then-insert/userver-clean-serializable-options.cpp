// Clean: the transaction is begun with
// TransactionOptions{IsolationLevel::kSerializable}, so of two concurrent
// claims of the same handle one fails with a serialization error (40001)
// instead of inserting a duplicate.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool claimHandle(const pg::ClusterPtr &Cluster, const std::string &Handle, long UserId) {
  auto Trx = Cluster->Begin(pg::TransactionOptions{pg::IsolationLevel::kSerializable});
  if (!Trx.Execute("SELECT 1 FROM handles WHERE handle = $1", Handle).IsEmpty())
    return false;
  // ok: sqlrace-check-then-insert
  Trx.Execute("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  Trx.Commit();
  return true;
}
