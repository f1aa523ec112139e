// Racy: COUNT(*) is converted with atoll() in one function and strtoll() in
// the other, and the insert runs when the count is 0. Two clients can both
// count 0 and both insert the same pair.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <cstdlib>

void like(PGconn *Conn, const char *const Pair[2]) {
  // note: sqlrace-check-then-insert existence of a 'likes' row checked here, keyed on (user_id, post_id)
  PGresult *Count = PQexecParams(Conn, "SELECT COUNT(*) FROM likes WHERE user_id = $1 AND post_id = $2", 2, nullptr, Pair, nullptr, nullptr, 0);
  const long long N = atoll(PQgetvalue(Count, 0, 0));
  PQclear(Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (N == 0)
    // expect: sqlrace-check-then-insert insert into 'likes' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO likes(user_id, post_id) VALUES ($1, $2) ON CONFLICT (user_id, post_id) DO NOTHING, backed by a UNIQUE constraint on likes (user_id, post_id)
    PQclear(PQexecParams(Conn, "INSERT INTO likes(user_id, post_id) VALUES ($1, $2)", 2, nullptr, Pair, nullptr, nullptr, 0));
}

void bookmark(PGconn *Conn, const char *const Pair[2]) {
  // note: sqlrace-check-then-insert existence of a 'bookmarks' row checked here, keyed on (user_id, post_id)
  PGresult *Count = PQexecParams(Conn, "SELECT COUNT(*) FROM bookmarks WHERE user_id = $1 AND post_id = $2", 2, nullptr, Pair, nullptr, nullptr, 0);
  const long long N = strtoll(PQgetvalue(Count, 0, 0), nullptr, 10);
  PQclear(Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (N == 0)
    // expect: sqlrace-check-then-insert insert into 'bookmarks' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO bookmarks(user_id, post_id) VALUES ($1, $2) ON CONFLICT (user_id, post_id) DO NOTHING, backed by a UNIQUE constraint on bookmarks (user_id, post_id)
    PQclear(PQexecParams(Conn, "INSERT INTO bookmarks(user_id, post_id) VALUES ($1, $2)", 2, nullptr, Pair, nullptr, nullptr, 0));
}
