// Racy: a Poco::Data::Transaction wraps the read and the write, but the
// session is a parameter and the file never says which database it is. At
// the default isolation of PostgreSQL or MySQL a plain transaction does not
// stop another client from updating the seat count in between.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

using namespace Poco::Data::Keywords;

bool bookSeats(Poco::Data::Session &S, int FlightId, int Seats) {
  Poco::Data::Transaction T(S);
  int Free = 0;
  // note: sqlrace-read-modify-write 'free_seats' read from 'flights' here, keyed on (id)
  S << "SELECT free_seats FROM flights WHERE id = ?", into(Free), use(FlightId), now;
  if (Free < Seats)
    return false;
  int Left = Free - Seats;
  // expect: sqlrace-read-modify-write update of 'flights.free_seats' ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE flights SET free_seats = free_seats - ? WHERE id = ?, binding the change instead of the new value
  S << "UPDATE flights SET free_seats = ? WHERE id = ?", use(Left), use(FlightId), now;
  T.commit();
  return true;
}
