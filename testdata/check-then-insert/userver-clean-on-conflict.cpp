// Clean: the write is INSERT ... ON CONFLICT (email) DO NOTHING, which the
// UNIQUE constraint makes atomic; RowsAffected() tells whether this call
// added the row.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool subscribe(const pg::ClusterPtr &Cluster, const std::string &Email) {
  auto Found = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT 1 FROM subscribers WHERE email = $1", Email);
  if (!Found.IsEmpty())
    return false;
  // ok: sqlrace-check-then-insert
  auto Added = Cluster->Execute(pg::ClusterHostType::kMaster, "INSERT INTO subscribers(email) VALUES ($1) ON CONFLICT (email) DO NOTHING", Email);
  return Added.RowsAffected() == 1;
}
