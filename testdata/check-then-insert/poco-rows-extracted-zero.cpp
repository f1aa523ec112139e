// Racy: a Poco::Data::Statement selects the user's id and runs with
// execute(); rowsExtracted() == 0 means no row came back, and the user is
// then inserted. Two sign-ups with the same e-mail can both extract nothing.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <string>

using namespace Poco::Data::Keywords;

bool signUp(Poco::Data::Session &S, std::string Email) {
  int Id = 0;
  Poco::Data::Statement Find(S);
  Find << "SELECT id FROM users WHERE email = ?", into(Id), use(Email);
  Find.execute();
  if (Find.rowsExtracted() != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' ...*
  S << "INSERT INTO users(email) VALUES (?)", use(Email), now;
  return true;
}
