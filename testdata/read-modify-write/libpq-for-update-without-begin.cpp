// Racy: the SELECT says FOR UPDATE, but no BEGIN was sent, so libpq runs it
// in autocommit mode and PostgreSQL releases the row lock when the SELECT
// ends. The UPDATE that follows is a separate transaction: a concurrent
// booking can read the same seat count in between.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool book(PGconn *Conn, const char *FlightId, int Seats) {
  const char *Key[] = {FlightId};
  // note: sqlrace-read-modify-write 'seats_free' read from 'flights' here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT seats_free FROM flights WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return false;
  }
  const int Free = atoi(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  if (Free < Seats)
    return false;
  const std::string Left = std::to_string(Free - Seats);
  const char *Params[] = {FlightId, Left.c_str()};
  // expect: sqlrace-read-modify-write update of 'flights.seats_free' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE flights SET seats_free = seats_free - $2 WHERE id = $1, binding the change instead of the new value
  PQclear(PQexecParams(Conn, "UPDATE flights SET seats_free = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
