// Clean: the same named query constants as userver-named-query, but the
// insert is INSERT ... ON CONFLICT DO NOTHING, atomic on its own; the SQL is
// read from the first argument of each storages::Query.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

const pg::Query kFindMember{"SELECT 1 FROM members WHERE email = $1", pg::Query::Name{"find_member"}};
const pg::Query kAddMember{"INSERT INTO members(email) VALUES ($1) ON CONFLICT (email) DO NOTHING", pg::Query::Name{"add_member"}};

void join(const pg::ClusterPtr &Cluster, const std::string &Email) {
  if (Cluster->Execute(pg::ClusterHostType::kMaster, kFindMember, Email).IsEmpty())
    // ok: sqlrace-check-then-insert
    Cluster->Execute(pg::ClusterHostType::kMaster, kAddMember, Email);
}
