// Racy: the INSERT is inside a try block, but the catch handles only
// Poco::Data::SQLite::DBLockedException (a busy database), not
// ConstraintViolationException. A duplicate inserted by another client
// between the check and the insert is not handled.
// ARGS: -- -std=c++17
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool addContact(Poco::Data::Session &S, int OwnerId, std::string Phone) {
  int Count = 0;
  // note: sqlrace-check-then-insert existence of a 'contacts' row checked here, keyed on (owner_id, phone)
  S << "SELECT COUNT(*) FROM contacts WHERE owner_id = ? AND phone = ?", into(Count), use(OwnerId), use(Phone), now;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count > 0)
    return false;
  try {
    // expect: sqlrace-check-then-insert insert into 'contacts' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on contacts (owner_id, phone) and use the dialect's insert-if-absent form or handle the unique violation
    S << "INSERT INTO contacts(owner_id, phone) VALUES (?, ?)", use(OwnerId), use(Phone), now;
  } catch (Poco::Data::SQLite::DBLockedException &) {
    return false;
  }
  return true;
}
