// Racy: the catch tests get_error_category() against
// soci_error::connection_error, not constraint_violation: a duplicate
// inserted by a concurrent client after the count is rethrown as an error,
// not handled as "already registered".
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool registerPhone(soci::session &Sql, const std::string &Number, int OwnerId) {
  int Known = 0;
  // note: sqlrace-check-then-insert existence of a 'phones' row checked here, keyed on (number)
  Sql << "SELECT COUNT(*) FROM phones WHERE number = :n", soci::use(Number), soci::into(Known);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Known > 0)
    return false;
  try {
    // expect: sqlrace-check-then-insert insert into 'phones' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on phones (number) and use the dialect's insert-if-absent form or handle the unique violation
    Sql << "INSERT INTO phones(number, owner_id) VALUES (:n, :o)", soci::use(Number), soci::use(OwnerId);
  } catch (const soci::soci_error &E) {
    if (E.get_error_category() == soci::soci_error::connection_error)
      return registerPhone(Sql, Number, OwnerId);
    throw;
  }
  return true;
}
