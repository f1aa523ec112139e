// Racy: TransactionOptions{IsolationLevel::kReadCommitted} names the default
// level explicitly; a READ COMMITTED transaction overwrites a concurrent
// update of the credit made between its read and its write.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void chargeCredit(const pg::ClusterPtr &Cluster, long CustomerId, long Cents) {
  auto Trx = Cluster->Begin(pg::TransactionOptions{pg::IsolationLevel::kReadCommitted});
  // note: sqlrace-read-modify-write 'credit_cents' read from 'customers' here, keyed on (id)
  const long Credit = Trx.Execute("SELECT credit_cents FROM customers WHERE id = $1", CustomerId).AsSingleRow<long>();
  // expect: sqlrace-read-modify-write update of 'customers.credit_cents' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE customers SET credit_cents = credit_cents - $2 WHERE id = $1, binding the change instead of the new value
  Trx.Execute("UPDATE customers SET credit_cents = $2 WHERE id = $1", CustomerId, Credit - Cents);
  Trx.Commit();
}
