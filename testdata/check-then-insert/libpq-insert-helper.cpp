// Racy: the INSERT is in addFollower(), which runs it on the connection it is
// given; the caller calls it when the lookup found no row. The helper is
// followed, so the pair is the same check-then-insert as written inline.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

static void addFollower(PGconn *Conn, const char *const *Pair) {
  // note: sqlrace-check-then-insert the insert runs here, inside 'addFollower'
  PQclear(PQexecParams(Conn, "INSERT INTO followers(user_id, follower_id) VALUES ($1, $2)", 2, nullptr, Pair, nullptr,
                       nullptr, 0));
}

void follow(PGconn *Conn, const char *UserId, const char *FollowerId) {
  const char *Pair[] = {UserId, FollowerId};
  // note: sqlrace-check-then-insert existence of a 'followers' row checked here, keyed on (user_id, follower_id)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM followers WHERE user_id = $1 AND follower_id = $2", 2, nullptr,
                               Pair, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0)
    // expect: sqlrace-check-then-insert insert into 'followers' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO followers(user_id, follower_id) VALUES ($1, $2) ON CONFLICT (user_id, follower_id) DO NOTHING, backed by a UNIQUE constraint on followers (user_id, follower_id)
    addFollower(Conn, Pair);
  PQclear(Res);
}
