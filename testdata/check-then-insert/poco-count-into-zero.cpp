// Racy: the number of reservations for the seat is extracted with into(), the
// statement runs at the now manipulator, and the reservation is inserted when
// the count is zero. Two buyers of the same seat can both count 0 and both
// insert; nothing makes the check and the insert atomic.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool reserveSeat(Poco::Data::Session &S, int ShowId, std::string Seat, int CustomerId) {
  int Taken = 0;
  // note: sqlrace-check-then-insert existence of a 'reservations' row checked here, keyed on (show_id, seat)
  S << "SELECT COUNT(*) FROM reservations WHERE show_id = ? AND seat = ?", into(Taken), use(ShowId), use(Seat), now;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Taken == 0) {
    // expect: sqlrace-check-then-insert insert into 'reservations' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on reservations (show_id, seat) and use the dialect's insert-if-absent form or handle the unique violation
    S << "INSERT INTO reservations(show_id, seat, customer_id) VALUES (?, ?, ?)", use(ShowId), use(Seat), use(CustomerId), now;
    return true;
  }
  return false;
}
