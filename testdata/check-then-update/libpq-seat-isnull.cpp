// Racy: a seat is held for a customer when PQgetisnull() says nobody holds
// it. Two customers can both see NULL, and the second UPDATE silently takes
// the seat from the first: one seat, two tickets.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool holdSeat(PGconn *Conn, const char *SeatId, const char *CustomerId) {
  const char *Key[] = {SeatId};
  PGresult *Read = PQexecParams(Conn, "SELECT held_by FROM seats WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  bool Held = false;
  if (PQntuples(Read) == 1 && PQgetisnull(Read, 0, 0)) {
    const char *Params[] = {SeatId, CustomerId};
    // expect: sqlrace-check-then-update update of 'seats' depends on a state read earlier...*
    PQclear(PQexecParams(Conn, "UPDATE seats SET held_by = $2, held_at = now() WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
    Held = true;
  }
  PQclear(Read);
  return Held;
}
