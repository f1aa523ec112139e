// Racy: the status is tested with strcmp(PQgetvalue(...),
// "draft") == 0, the most common libpq spelling, and the UPDATE does not
// restate it; the race is the one of libpq-publish-draft-std-string.cpp.
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>

bool publish(PGconn *Conn, const char *PostId) {
  const char *Key[] = {PostId};
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM posts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  bool Published = false;
  if (PQntuples(Read) == 1 && strcmp(PQgetvalue(Read, 0, 0), "draft") == 0) {
    // expect: sqlrace-check-then-update update of 'posts' depends on a state read earlier...*
    PQclear(PQexecParams(Conn, "UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
    Published = true;
  }
  PQclear(Read);
  return Published;
}
