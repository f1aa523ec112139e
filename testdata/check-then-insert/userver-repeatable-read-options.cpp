// Racy: TransactionOptions{IsolationLevel::kRepeatableRead}. In PostgreSQL a
// REPEATABLE READ transaction does not see a row a concurrent transaction
// inserted, and inserting a new row conflicts with nothing, so both claims
// of the same coupon can insert it.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool redeem(const pg::ClusterPtr &Cluster, const std::string &Coupon, long UserId) {
  auto Trx = Cluster->Begin(pg::ClusterHostType::kMaster, pg::TransactionOptions{pg::IsolationLevel::kRepeatableRead});
  // note: sqlrace-check-then-insert existence of a 'redemptions' row checked here, keyed on (coupon)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Trx.Execute("SELECT 1 FROM redemptions WHERE coupon = $1", Coupon).IsEmpty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'redemptions' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO redemptions(coupon, user_id) VALUES ($1, $2) ON CONFLICT (coupon) DO NOTHING, backed by a UNIQUE constraint on redemptions (coupon)
  Trx.Execute("INSERT INTO redemptions(coupon, user_id) VALUES ($1, $2)", Coupon, UserId);
  Trx.Commit();
  return true;
}
