// Racy: SELECT EXISTS(...) is read into an int and the function returns
// early when the username is taken; otherwise it inserts the account. Two
// sign-ups with the same username can both read 0 and both reach the INSERT.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool registerUser(soci::session &Sql, const std::string &Username, const std::string &PasswordHash) {
  int Taken = 0;
  // note: sqlrace-check-then-insert existence of a 'accounts' row checked here, keyed on (username)
  Sql << "SELECT EXISTS(SELECT 1 FROM accounts WHERE username = :u)", soci::use(Username), soci::into(Taken);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Taken)
    return false;
  // expect: sqlrace-check-then-insert insert into 'accounts' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on accounts (username) and use the dialect's insert-if-absent form or handle the unique violation
  Sql << "INSERT INTO accounts(username, password_hash) VALUES (:u, :h)", soci::use(Username), soci::use(PasswordHash);
  return true;
}
