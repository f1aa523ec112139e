// Racy: a quota counter is read from ResultSet::Front()[0].As<long>(),
// incremented in C++ and written back; concurrent requests read the same
// count and each writes "count + 1", so the quota is exceeded.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool consumeQuota(const pg::ClusterPtr &Cluster, const std::string &ApiKey, long Limit) {
  // note: sqlrace-read-modify-write 'used' read from 'quotas' here, keyed on (api_key)
  const pg::ResultSet Quota = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT used FROM quotas WHERE api_key = $1", ApiKey);
  if (Quota.IsEmpty())
    return false;
  const long Used = Quota.Front()[0].As<long>();
  if (Used >= Limit)
    return false;
  // expect: sqlrace-read-modify-write update of 'quotas.used' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE quotas SET used = used + $2 WHERE api_key = $1, binding the change instead of the new value
  Cluster->Execute(pg::ClusterHostType::kMaster, "UPDATE quotas SET used = $2 WHERE api_key = $1", ApiKey, Used + 1);
  return true;
}
