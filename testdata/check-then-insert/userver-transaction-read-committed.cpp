// Racy: check and insert run in one Transaction from Cluster::Begin() with
// default TransactionOptions (READ COMMITTED); a concurrent transaction can
// insert the same slot between the two statements.
// ARGS: -- -std=c++17 -IInputs/userver
#include <userver/storages/postgres/cluster.hpp>
#include <string>

namespace pg = userver::storages::postgres;

bool book(const pg::ClusterPtr &Cluster, long RoomId, const std::string &Day) {
  auto Trx = Cluster->Begin(pg::ClusterHostType::kMaster, pg::TransactionOptions{});
  // note: sqlrace-check-then-insert existence of a 'bookings' row checked here, keyed on (room_id, day)
  auto Found = Trx.Execute("SELECT 1 FROM bookings WHERE room_id = $1 AND day = $2", RoomId, Day);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Found.Size() > 0) {
    Trx.Rollback();
    return false;
  }
  // expect: sqlrace-check-then-insert insert into 'bookings' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO bookings(room_id, day) VALUES ($1, $2) ON CONFLICT (room_id, day) DO NOTHING, backed by a UNIQUE constraint on bookings (room_id, day)
  Trx.Execute("INSERT INTO bookings(room_id, day) VALUES ($1, $2)", RoomId, Day);
  Trx.Commit();
  return true;
}
