// Clean: the branch is decided by the caller's Force flag, not by the
// status read from the row (which is only logged), so nothing read can go
// stale between the test and the UPDATE.
// REQUIRES: pkg(libpq)
#include <cstdio>
#include <libpq-fe.h>

void archive(PGconn *Conn, const char *PostId, bool Force) {
  const char *Key[] = {PostId};
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM posts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 1)
    std::printf("archiving post in state %s\n", PQgetvalue(Read, 0, 0));
  PQclear(Read);
  if (Force) {
    // ok: sqlrace-check-then-update
    PQclear(PQexecParams(Conn, "UPDATE posts SET status = 'archived' WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  }
}
