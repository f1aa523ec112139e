// Known false positive: the transaction is begun with
// TransactionOptions{IsolationLevel::kRepeatableRead}; in PostgreSQL a
// REPEATABLE READ transaction that updates a row changed after its snapshot
// fails with 40001 instead of losing the other update.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>

namespace pg = userver::storages::postgres;

void addCredit(const pg::ClusterPtr &Cluster, long CustomerId, long Cents) {
  auto Trx = Cluster->Begin(pg::TransactionOptions{pg::IsolationLevel::kRepeatableRead});
  const long Credit = Trx.Execute("SELECT credit_cents FROM customers WHERE id = $1", CustomerId).AsSingleRow<long>();
  // FIXME(analyzer): the transaction type role reads the isolation level only from a template argument (isolation_template_arg); userver passes it at run time, in the TransactionOptions argument of Cluster::Begin(), and no rule key names an argument of the call that made the transaction object.
  // todo-ok: sqlrace-read-modify-write update of 'customers.credit_cents' writes back ...*
  Trx.Execute("UPDATE customers SET credit_cents = $2 WHERE id = $1", CustomerId, Credit + Cents);
  Trx.Commit();
}
