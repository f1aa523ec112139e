// Racy: the INSERT is in addFollower(), which runs it on the connection it is
// given; the caller calls it when the lookup found no row. The helper is
// followed, so the pair is the same check-then-insert as written inline.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

static void addFollower(PGconn *Conn, const char *const *Pair) {
  PQclear(PQexecParams(Conn, "INSERT INTO followers(user_id, follower_id) VALUES ($1, $2)", 2, nullptr, Pair, nullptr,
                       nullptr, 0));
}

void follow(PGconn *Conn, const char *UserId, const char *FollowerId) {
  const char *Pair[] = {UserId, FollowerId};
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM followers WHERE user_id = $1 AND follower_id = $2", 2, nullptr,
                               Pair, nullptr, nullptr, 0);
  if (PQntuples(Res) == 0)
    // expect: sqlrace-check-then-insert insert into 'followers' can race ...*
    addFollower(Conn, Pair);
  PQclear(Res);
}
