// Racy: the check runs in a Poco::Data::Transaction on SQLite, but the
// transaction is rolled back (Transaction::rollback()) before the insert,
// which then runs on its own in autocommit. Another client can insert the
// same username between the two. The clean look-alike, where the insert is
// inside the transaction, is poco-clean-sqlite-transaction.cpp.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <string>

using namespace Poco::Data::Keywords;

bool signUp(const std::string &Username, const std::string &PasswordHash) {
  Poco::Data::Session S("SQLite", "app.db");
  Poco::Data::Transaction T(S);
  int Count = 0;
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (username)
  S << "SELECT COUNT(*) FROM users WHERE username = ?", into(Count), useRef(Username), now;
  T.rollback();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the transaction that protected the check ended before this statement
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO users(username, password_hash) VALUES (?, ?) ON CONFLICT (username) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on users (username)
  S << "INSERT INTO users(username, password_hash) VALUES (?, ?)", useRef(Username), useRef(PasswordHash), now;
  return true;
}
