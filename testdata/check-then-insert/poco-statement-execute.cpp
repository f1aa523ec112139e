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
  Count.execute();
  if (Taken != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'reservations' ...*
  S << "INSERT INTO reservations(show_id, seat, customer_id) VALUES (?, ?, ?)", use(ShowId), use(Seat), use(CustomerId), now;
  return true;
}
