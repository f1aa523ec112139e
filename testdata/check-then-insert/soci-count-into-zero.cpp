// Racy: the number of subscriptions for the address is read into an int with
// soci::into() and the subscription is inserted when it is zero. Two clicks
// on "subscribe" can both count 0 and both insert; nothing (constraint
// handling, lock, serializable transaction) makes the pair atomic.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool subscribe(soci::session &Sql, const std::string &Email, int ListId) {
  int Existing = 0;
  // note: sqlrace-check-then-insert existence of a 'subscriptions' row checked here, keyed on (email, list_id)
  Sql << "SELECT COUNT(*) FROM subscriptions WHERE email = :email AND list_id = :list", soci::use(Email), soci::use(ListId), soci::into(Existing);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Existing == 0) {
    // expect: sqlrace-check-then-insert insert into 'subscriptions' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on subscriptions (email, list_id) and use the dialect's insert-if-absent form or handle the unique violation
    Sql << "INSERT INTO subscriptions(email, list_id) VALUES (:email, :list)", soci::use(Email), soci::use(ListId);
    return true;
  }
  return false;
}
