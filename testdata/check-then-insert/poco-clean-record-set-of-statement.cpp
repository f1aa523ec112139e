// Clean: the lookup runs as a Statement in a Poco::Data::Transaction on an
// SQLite session, and RecordSet(statement).rowCount() says whether it found a
// row; SQLite lets one writer at a time commit, so the check and the insert
// are atomic.
// ARGS: -- -std=c++17
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Data/Transaction.h>
#include <string>

using namespace Poco::Data::Keywords;

bool addContact(std::string Phone) {
  Poco::Data::Session S("SQLite", "contacts.db");
  Poco::Data::Transaction T(S);
  Poco::Data::Statement Find(S);
  Find << "SELECT id FROM contacts WHERE phone = ?", use(Phone);
  Find.execute();
  Poco::Data::RecordSet Rows(Find);
  if (Rows.rowCount() > 0)
    return false;
  // ok: sqlrace-check-then-insert
  S << "INSERT INTO contacts(phone) VALUES (?)", use(Phone), now;
  T.commit();
  return true;
}
