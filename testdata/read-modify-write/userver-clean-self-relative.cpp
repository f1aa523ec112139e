// Clean: the usage read is only returned for display; the write is
// self-relative (SET used = used + 1), so the server increments the value
// the row holds when the UPDATE runs and no increment is lost.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

long recordCall(const pg::ClusterPtr &Cluster, const std::string &ApiKey) {
  const long Used = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT used FROM quotas WHERE api_key = $1", ApiKey).AsSingleRow<long>();
  // ok: sqlrace-read-modify-write
  Cluster->Execute(pg::ClusterHostType::kMaster, "UPDATE quotas SET used = used + 1 WHERE api_key = $1", ApiKey);
  return Used + 1;
}
