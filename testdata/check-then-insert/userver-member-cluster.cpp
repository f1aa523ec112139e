// Racy: a handler keeps its ClusterPtr in a member, as userver components
// do, and passes a command control as the second argument of Execute().
// The API key is created when the lookup IsEmpty(); two requests of the same
// client can both create one.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

class ApiKeys {
public:
  void ensureKey(const std::string &ClientId, const std::string &Key);

private:
  pg::ClusterPtr Cluster;
  pg::CommandControl Timeouts{pg::TimeoutDuration{500}, pg::TimeoutDuration{400}};
};

void ApiKeys::ensureKey(const std::string &ClientId, const std::string &Key) {
  // note: sqlrace-check-then-insert existence of a 'api_keys' row checked here, keyed on (client_id)
  auto Found = Cluster->Execute(pg::ClusterHostType::kMaster, Timeouts, "SELECT key FROM api_keys WHERE client_id = $1", ClientId);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Found.IsEmpty())
    // expect: sqlrace-check-then-insert insert into 'api_keys' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO api_keys(client_id, key) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING, backed by a UNIQUE constraint on api_keys (client_id)
    Cluster->Execute(pg::ClusterHostType::kMaster, Timeouts, "INSERT INTO api_keys(client_id, key) VALUES ($1, $2)", ClientId, Key);
}
