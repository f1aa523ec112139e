// Racy: SELECT EXISTS(...) is read into an int and the function returns
// early when the username is taken; otherwise it inserts the account. Two
// sign-ups with the same username can both read 0 and both reach the INSERT.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool registerUser(soci::session &Sql, const std::string &Username, const std::string &PasswordHash) {
  int Taken = 0;
  Sql << "SELECT EXISTS(SELECT 1 FROM accounts WHERE username = :u)", soci::use(Username), soci::into(Taken);
  if (Taken)
    return false;
  // expect: sqlrace-check-then-insert insert into 'accounts' ...*
  Sql << "INSERT INTO accounts(username, password_hash) VALUES (:u, :h)", soci::use(Username), soci::use(PasswordHash);
  return true;
}
