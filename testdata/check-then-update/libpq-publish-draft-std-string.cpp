// Racy: a post is published only if its status is still 'draft', but the
// status is copied into a std::string and tested in C++; the UPDATE does not
// restate it. An editor who archives the post in between is overridden: the
// archived post goes live.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool publish(PGconn *Conn, const char *PostId) {
  const char *Key[] = {PostId};
  // note: sqlrace-check-then-update 'posts' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT status FROM posts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return false;
  }
  const std::string Status = PQgetvalue(Read, 0, 0);
  PQclear(Read);
  bool Published = false;
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Status == "draft") {
    // expect: sqlrace-check-then-update update of 'posts' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    PGresult *Wrote = PQexecParams(Conn, "UPDATE posts SET status = 'published', published_at = now() WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
    Published = PQresultStatus(Wrote) == PGRES_COMMAND_OK;
    PQclear(Wrote);
  }
  return Published;
}
