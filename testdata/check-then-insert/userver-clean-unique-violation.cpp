// Clean: the INSERT is wrapped in try/catch for
// userver::storages::postgres::UniqueViolation, which the driver throws for
// SQLSTATE 23505; a duplicate inserted by a concurrent client is reported as
// "taken".
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <userver/storages/postgres/exceptions.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool claimHandle(const pg::ClusterPtr &Cluster, const std::string &Handle, long UserId) {
  if (!Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT 1 FROM handles WHERE handle = $1", Handle).IsEmpty())
    return false;
  try {
    // ok: sqlrace-check-then-insert
    Cluster->Execute(pg::ClusterHostType::kMaster, "INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  } catch (const pg::UniqueViolation &) {
    return false;
  }
  return true;
}
