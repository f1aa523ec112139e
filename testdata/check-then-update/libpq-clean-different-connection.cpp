// Clean: the status comes from the reporting replica and the UPDATE goes to
// the archive database through another connection: two databases, so the
// UPDATE does not act on the row that was tested.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

void archiveIfClosed(PGconn *Replica, PGconn *Archive, const char *TicketId) {
  const char *Key[] = {TicketId};
  PGresult *Read = PQexecParams(Replica, "SELECT status FROM tickets WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "closed") {
    // ok: sqlrace-check-then-update
    PQclear(PQexecParams(Archive, "UPDATE tickets SET archived = true WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  }
  PQclear(Read);
}
