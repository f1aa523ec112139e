// Clean: the visitor counter is read to show "you are visitor N", but the
// stored count is bumped by a self-relative UPDATE (SET hits = hits + 1), which
// the server applies to the current row: a concurrent visit is never lost.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>

long recordVisit(PGconn *Conn, const char *PageId) {
  const char *Key[] = {PageId};
  PGresult *Read = PQexecParams(Conn, "SELECT hits FROM page_views WHERE page_id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  long Shown = 1;
  if (PQntuples(Read) == 1)
    Shown = atol(PQgetvalue(Read, 0, 0)) + 1;
  PQclear(Read);
  // ok: sqlrace-read-modify-write
  PQclear(PQexecParams(Conn, "UPDATE page_views SET hits = hits + 1 WHERE page_id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  return Shown;
}
