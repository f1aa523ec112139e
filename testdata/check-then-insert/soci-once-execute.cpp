// Racy: the same COUNT-then-INSERT as soci-count-into-zero, written with the
// explicit one-time form session::once << "...". Two clients can both count 0
// and both insert; once is a member of the session (type role "facet"), so
// both statements run on Sql.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool follow(soci::session &Sql, int FollowerId, int FolloweeId) {
  int Count = 0;
  // note: sqlrace-check-then-insert existence of a 'follows' row checked here, keyed on (follower_id, followee_id)
  Sql.once << "SELECT COUNT(*) FROM follows WHERE follower_id = :a AND followee_id = :b", soci::use(FollowerId), soci::use(FolloweeId), soci::into(Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'follows' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on follows (follower_id, followee_id) and use the dialect's insert-if-absent form or handle the unique violation
  Sql.once << "INSERT INTO follows(follower_id, followee_id) VALUES (:a, :b)", soci::use(FollowerId), soci::use(FolloweeId);
  return true;
}
