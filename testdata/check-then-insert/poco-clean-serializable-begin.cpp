// Clean: on a PostgreSQL session, Session::begin() is followed by SET
// TRANSACTION ISOLATION LEVEL SERIALIZABLE, so the check and the insert run
// in one serializable transaction; two concurrent sign-ups with the same
// username cannot both commit (one fails with 40001 and retries).
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool signUp(std::string Username, std::string PasswordHash) {
  Poco::Data::Session S("PostgreSQL", "host=db dbname=app user=app");
  S.begin();
  S << "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", now;
  int Count = 0;
  S << "SELECT COUNT(*) FROM users WHERE username = ?", into(Count), use(Username), now;
  if (Count != 0) {
    S.rollback();
    return false;
  }
  // ok: sqlrace-check-then-insert
  S << "INSERT INTO users(username, password_hash) VALUES (?, ?)", use(Username), use(PasswordHash), now;
  S.commit();
  return true;
}
