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
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  Find.execute();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.rowsExtracted() != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on users (email) and use the dialect's insert-if-absent form or handle the unique violation
  S << "INSERT INTO users(email) VALUES (?)", use(Email), now;
  return true;
}
