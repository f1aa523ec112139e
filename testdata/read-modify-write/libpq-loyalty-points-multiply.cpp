// Racy: a promotion doubles a customer's loyalty points: the points are read,
// multiplied in C++ and written back. Points earned by a purchase committed
// in between are wiped out. The new value is not "old +/- change", so the note
// gives the generic advice instead of a ready-made rewrite.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

void doublePoints(PGconn *Conn, const char *CustomerId) {
  const char *Key[] = {CustomerId};
  // note: sqlrace-read-modify-write 'points' read from 'loyalty' here, keyed on (customer_id)
  PGresult *Read = PQexecParams(Conn, "SELECT points FROM loyalty WHERE customer_id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 0) {
    PQclear(Read);
    return;
  }
  const int Points = atoi(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  const std::string Doubled = std::to_string(Points * 2);
  const char *Params[] = {CustomerId, Doubled.c_str()};
  // expect: sqlrace-read-modify-write update of 'loyalty.points' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND points = <value read> in its WHERE) and check how many rows it changed
  PQclear(PQexecParams(Conn, "UPDATE loyalty SET points = $2 WHERE customer_id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
