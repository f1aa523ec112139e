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
  S << "SELECT COUNT(*) FROM contacts WHERE owner_id = ? AND phone = ?", into(Count), use(OwnerId), use(Phone), now;
  if (Count > 0)
    return false;
  try {
    // expect: sqlrace-check-then-insert insert into 'contacts' ...*
    S << "INSERT INTO contacts(owner_id, phone) VALUES (?, ?)", use(OwnerId), use(Phone), now;
  } catch (Poco::Data::SQLite::DBLockedException &) {
    return false;
  }
  return true;
}
