// Racy: the SELECT says FOR UPDATE, but it runs in a pqxx::nontransaction,
// i.e. autocommit: the row lock is released when the SELECT ends, before the
// UPDATE. A concurrent reservation can still slip in between.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void reserveSeats(pqxx::connection &Conn, int ShowId, int Seats) {
  pqxx::nontransaction N(Conn);
  // note: sqlrace-read-modify-write 'seats_left' read from 'shows' here, keyed on (id)
  pqxx::result R = N.exec_params("SELECT seats_left FROM shows WHERE id = $1 FOR UPDATE", ShowId);
  const int Left = R[0][0].as<int>();
  // expect: sqlrace-read-modify-write update of 'shows.seats_left' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE shows SET seats_left = seats_left - $2 WHERE id = $1, binding the change instead of the new value
  N.exec_params("UPDATE shows SET seats_left = $2 WHERE id = $1", ShowId, Left - Seats);
}
