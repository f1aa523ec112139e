// Racy: the session is opened with the "PostgreSQL" connector and a
// Poco::Data::Transaction wraps the check and the insert. That transaction is
// READ COMMITTED, which does not stop another client from inserting the same
// username in between, so it is not a protection.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <string>

using namespace Poco::Data::Keywords;

bool signUp(const std::string &Username, const std::string &PasswordHash) {
  Poco::Data::Session S("PostgreSQL", "host=db dbname=app user=app");
  Poco::Data::Transaction T(S);
  int Count = 0;
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (username)
  S << "SELECT COUNT(*) FROM users WHERE username = ?", into(Count), useRef(Username), now;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(username, password_hash) VALUES (?, ?) ON CONFLICT (username) DO NOTHING, backed by a UNIQUE constraint on users (username)
  S << "INSERT INTO users(username, password_hash) VALUES (?, ?)", useRef(Username), useRef(PasswordHash), now;
  T.commit();
  return true;
}
