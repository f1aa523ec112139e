// Clean for this check: the COUNT looks at banned_emails and the INSERT goes
// into users. The insert does not create the row that was checked, so there
// is no check-then-insert on one table (a concurrent ban is another matter).
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool signUp(Poco::Data::Session &S, std::string Email) {
  int Banned = 0;
  S << "SELECT COUNT(*) FROM banned_emails WHERE email = ?", into(Banned), use(Email), now;
  if (Banned != 0)
    return false;
  // ok: sqlrace-check-then-insert
  S << "INSERT INTO users(email) VALUES (?)", use(Email), now;
  return true;
}
