// Racy: the check's outcome is stored in a bool before the result is freed,
// and the INSERT is guarded by that bool. Going through a local does not make
// the check and the insert atomic: two requests to follow the same user can
// both read "not following" and both insert.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

static const char FindFollow[] = "SELECT 1 FROM follows WHERE follower_id = $1 AND followee_id = $2";
static const char AddFollow[] = "INSERT INTO follows(follower_id, followee_id) VALUES ($1, $2)";

void follow(PGconn *Conn, const char *Follower, const char *Followee) {
  const char *Params[] = {Follower, Followee};
  // note: sqlrace-check-then-insert existence of a 'follows' row checked here, keyed on (follower_id, followee_id)
  PGresult *Res = PQexecParams(Conn, FindFollow, 2, nullptr, Params, nullptr, nullptr, 0);
  bool AlreadyFollowing = PQntuples(Res) > 0;
  PQclear(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!AlreadyFollowing) {
    // expect: sqlrace-check-then-insert insert into 'follows' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO follows(follower_id, followee_id) VALUES ($1, $2) ON CONFLICT (follower_id, followee_id) DO NOTHING, backed by a UNIQUE constraint on follows (follower_id, followee_id)
    PQclear(PQexecParams(Conn, AddFollow, 2, nullptr, Params, nullptr, nullptr, 0));
  }
}
