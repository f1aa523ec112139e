// Clean: the INSERT runs in a try block that catches
// Poco::Data::SQLite::ConstraintViolationException, so a duplicate inserted
// by another client between the check and the insert is reported by the
// UNIQUE constraint and handled as "already in the address book".
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
    // ok: sqlrace-check-then-insert
    S << "INSERT INTO contacts(owner_id, phone) VALUES (?, ?)", use(OwnerId), use(Phone), now;
  } catch (Poco::Data::SQLite::ConstraintViolationException &) {
    return false;
  }
  return true;
}
