// Racy: the statements are userver's usual named query
// constants, storages::postgres::Query{sql, Query::Name{...}}. The insert
// runs when the lookup IsEmpty(), so two concurrent calls can both insert,
// as in userver-is-empty.cpp.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

const pg::Query kFindUser{"SELECT 1 FROM users WHERE email = $1", pg::Query::Name{"find_user"}};
const pg::Query kAddUser{"INSERT INTO users(email) VALUES ($1)", pg::Query::Name{"add_user"}};

void signUp(const pg::ClusterPtr &Cluster, const std::string &Email) {
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Cluster->Execute(pg::ClusterHostType::kMaster, kFindUser, Email).IsEmpty())
    // expect: sqlrace-check-then-insert insert into 'users' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
    Cluster->Execute(pg::ClusterHostType::kMaster, kAddUser, Email);
}
