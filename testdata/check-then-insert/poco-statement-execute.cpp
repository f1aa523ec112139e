// Racy: the COUNT is built on a Poco::Data::Statement object and run later
// with Statement::execute(); into(Taken) receives the count when it runs, and
// the insert follows when it is zero. The race is the same as in
// poco-count-into-zero.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <string>

using namespace Poco::Data::Keywords;

bool reserveSeat(Poco::Data::Session &S, int ShowId, std::string Seat, int CustomerId) {
  int Taken = 0;
  Poco::Data::Statement Count(S);
  Count << "SELECT COUNT(*) FROM reservations WHERE show_id = ? AND seat = ?", into(Taken), use(ShowId), use(Seat);
  // note: sqlrace-check-then-insert existence of a 'reservations' row checked here, keyed on (show_id, seat)
  Count.execute();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Taken != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'reservations' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on reservations (show_id, seat) and use the dialect's insert-if-absent form or handle the unique violation
  S << "INSERT INTO reservations(show_id, seat, customer_id) VALUES (?, ?, ?)", use(ShowId), use(Seat), use(CustomerId), now;
  return true;
}
