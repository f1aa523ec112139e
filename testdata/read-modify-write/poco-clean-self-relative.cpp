// Clean: the points are read only to show them in the log; the UPDATE adds
// the earned points in SQL (SET points = points + ?) and binds the change,
// so the server applies it to the current row and nothing is lost.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <iostream>

using namespace Poco::Data::Keywords;

void earnPoints(Poco::Data::Session &S, int CustomerId, int Earned) {
  int Points = 0;
  S << "SELECT points FROM loyalty WHERE customer_id = ?", into(Points), use(CustomerId), now;
  std::clog << "customer " << CustomerId << " had " << Points << " points\n";
  // ok: sqlrace-read-modify-write
  S << "UPDATE loyalty SET points = points + ? WHERE customer_id = ?", use(Earned), use(CustomerId), now;
}
