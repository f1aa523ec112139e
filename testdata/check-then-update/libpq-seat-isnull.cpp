// Racy: a seat is held for a customer when PQgetisnull() says nobody holds
// it. Two customers can both see NULL, and the second UPDATE silently takes
// the seat from the first: one seat, two tickets.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool holdSeat(PGconn *Conn, const char *SeatId, const char *CustomerId) {
  const char *Key[] = {SeatId};
  // note: sqlrace-check-then-update 'seats' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT held_by FROM seats WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  bool Held = false;
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (PQntuples(Read) == 1 && PQgetisnull(Read, 0, 0)) {
    const char *Params[] = {SeatId, CustomerId};
    // expect: sqlrace-check-then-update update of 'seats' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    PQclear(PQexecParams(Conn, "UPDATE seats SET held_by = $2, held_at = now() WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
    Held = true;
  }
  PQclear(Read);
  return Held;
}
