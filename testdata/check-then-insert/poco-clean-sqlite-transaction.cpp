// Clean: the session is opened with the "SQLite" connector and a
// Poco::Data::Transaction covers the check and the insert. SQLite has one
// writer at a time, so a second client cannot insert the same row in between
// (it gets SQLITE_BUSY and retries).
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <string>

using namespace Poco::Data::Keywords;

bool signUp(const std::string &Username, const std::string &PasswordHash) {
  Poco::Data::Session S("SQLite", "app.db");
  Poco::Data::Transaction T(S);
  int Count = 0;
  S << "SELECT COUNT(*) FROM users WHERE username = ?", into(Count), useRef(Username), now;
  if (Count != 0)
    return false;
  // ok: sqlrace-check-then-insert
  S << "INSERT INTO users(username, password_hash) VALUES (?, ?)", useRef(Username), useRef(PasswordHash), now;
  T.commit();
  return true;
}
