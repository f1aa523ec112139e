// Racy: named query constants (storages::Query with a Query::Name) read the
// balance and write back the balance minus the price, each in autocommit; a
// concurrent purchase between the two is lost.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

const pg::Query kGetBalance{"SELECT balance FROM wallets WHERE user_id = $1", pg::Query::Name{"get_balance"}};
const pg::Query kSetBalance{"UPDATE wallets SET balance = $2 WHERE user_id = $1", pg::Query::Name{"set_balance"}};

void buy(const pg::ClusterPtr &Cluster, long UserId, long Price) {
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (user_id)
  const long Balance = Cluster->Execute(pg::ClusterHostType::kMaster, kGetBalance, UserId).AsSingleRow<long>();
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE wallets SET balance = balance - $2 WHERE user_id = $1, binding the change instead of the new value
  Cluster->Execute(pg::ClusterHostType::kMaster, kSetBalance, UserId, Balance - Price);
}
