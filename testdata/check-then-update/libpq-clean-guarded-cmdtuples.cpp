// Clean: the UPDATE restates the state it depends on (AND status = 'draft')
// and PQcmdTuples() of that UPDATE is checked: if an editor archived the post
// in between, 0 rows change and publishing is reported as refused.
// REQUIRES: pkg(libpq)
#include <cstring>
#include <libpq-fe.h>
#include <string>

bool publish(PGconn *Conn, const char *PostId) {
  const char *Key[] = {PostId};
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM posts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool IsDraft = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "draft";
  PQclear(Read);
  if (!IsDraft)
    return false;
  // ok: sqlrace-check-then-update
  PGresult *Wrote = PQexecParams(Conn, "UPDATE posts SET status = 'published', published_at = now() WHERE id = $1 AND status = 'draft'", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Published = strcmp(PQcmdTuples(Wrote), "1") == 0;
  PQclear(Wrote);
  return Published;
}
