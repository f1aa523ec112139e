// Clean: on a PostgreSQL session the seat count is read with SELECT ... FOR
// UPDATE after Session::begin(), and written before commit(). A second
// booking blocks on the row lock until this one commits and then reads the
// new count.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

bool bookSeats(int FlightId, int Seats) {
  Poco::Data::Session S("PostgreSQL", "host=db dbname=airline");
  S.begin();
  int Free = 0;
  S << "SELECT free_seats FROM flights WHERE id = ? FOR UPDATE", into(Free), use(FlightId), now;
  if (Free < Seats) {
    S.rollback();
    return false;
  }
  int Left = Free - Seats;
  // ok: sqlrace-read-modify-write
  S << "UPDATE flights SET free_seats = ? WHERE id = ?", use(Left), use(FlightId), now;
  S.commit();
  return true;
}
