// Racy: the loyalty points are read, doubled in C++ for a promotion and
// written back as an absolute value. Points earned by a purchase that
// commits between the SELECT and the UPDATE are overwritten.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

void doublePoints(Poco::Data::Session &S, int CustomerId) {
  int Points = 0;
  // note: sqlrace-read-modify-write 'points' read from 'loyalty' here, keyed on (customer_id)
  S << "SELECT points FROM loyalty WHERE customer_id = ?", into(Points), use(CustomerId), now;
  int Doubled = Points * 2;
  // expect: sqlrace-read-modify-write update of 'loyalty.points' ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND points = <value read> in its WHERE) and check how many rows it changed
  S << "UPDATE loyalty SET points = ? WHERE customer_id = ?", use(Doubled), use(CustomerId), now;
}
