// Racy: the status is tested with strcmp(PQgetvalue(...),
// "draft") == 0, the most common libpq spelling, and the UPDATE does not
// restate it; the race is the one of libpq-publish-draft-std-string.cpp.
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

bool publish(PGconn *Conn, const char *PostId) {
  const char *Key[] = {PostId};
  // note: sqlrace-check-then-update 'posts' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM posts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  bool Published = false;
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (PQntuples(Read) == 1 && strcmp(PQgetvalue(Read, 0, 0), "draft") == 0) {
    // expect: sqlrace-check-then-update update of 'posts' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    PQclear(PQexecParams(Conn, "UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
    Published = true;
  }
  PQclear(Read);
  return Published;
}
