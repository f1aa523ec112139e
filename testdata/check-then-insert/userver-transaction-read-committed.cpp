// Racy: check and insert run in one Transaction from Cluster::Begin() with
// default TransactionOptions (READ COMMITTED); a concurrent transaction can
// insert the same slot between the two statements.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool book(const pg::ClusterPtr &Cluster, long RoomId, const std::string &Day) {
  auto Trx = Cluster->Begin(pg::ClusterHostType::kMaster, pg::TransactionOptions{});
  auto Found = Trx.Execute("SELECT 1 FROM bookings WHERE room_id = $1 AND day = $2", RoomId, Day);
  if (Found.Size() > 0) {
    Trx.Rollback();
    return false;
  }
  // expect: sqlrace-check-then-insert insert into 'bookings' can race ...*
  Trx.Execute("INSERT INTO bookings(room_id, day) VALUES ($1, $2)", RoomId, Day);
  Trx.Commit();
  return true;
}
