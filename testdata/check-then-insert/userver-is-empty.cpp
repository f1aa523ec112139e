// Racy: the signup looks the address up with Cluster::Execute() and inserts
// when the ResultSet IsEmpty(). Each Cluster::Execute() is a statement of
// its own (autocommit, on any connection of the pool), so a concurrent
// signup can insert the same address in between.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool signUp(const pg::ClusterPtr &Cluster, const std::string &Email) {
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  const pg::ResultSet Found = Cluster->Execute(pg::ClusterHostType::kMaster, "SELECT 1 FROM users WHERE email = $1", Email);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Found.IsEmpty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
  Cluster->Execute(pg::ClusterHostType::kMaster, "INSERT INTO users(email) VALUES ($1)", Email);
  return true;
}
