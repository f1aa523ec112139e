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
  if (Cluster->Execute(pg::ClusterHostType::kMaster, kFindUser, Email).IsEmpty())
    // expect: sqlrace-check-then-insert insert into 'users' can race ...*
    Cluster->Execute(pg::ClusterHostType::kMaster, kAddUser, Email);
}
