// Racy: Session::begin() and commit() wrap the check and the insert, but the
// session is a parameter and nothing in the file says which database it is.
// Outside SQLite a plain transaction runs below SERIALIZABLE and lets another
// client insert the same membership in between.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>

using namespace Poco::Data::Keywords;

bool joinGroup(Poco::Data::Session &S, int GroupId, int UserId) {
  S.begin();
  int Members = 0;
  // note: sqlrace-check-then-insert existence of a 'memberships' row checked here, keyed on (group_id, user_id)
  S << "SELECT COUNT(*) FROM memberships WHERE group_id = ? AND user_id = ?", into(Members), use(GroupId), use(UserId), now;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Members != 0) {
    S.rollback();
    return false;
  }
  // expect: sqlrace-check-then-insert insert into 'memberships' ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on memberships (group_id, user_id) and use the dialect's insert-if-absent form or handle the unique violation
  S << "INSERT INTO memberships(group_id, user_id) VALUES (?, ?)", use(GroupId), use(UserId), now;
  S.commit();
  return true;
}
