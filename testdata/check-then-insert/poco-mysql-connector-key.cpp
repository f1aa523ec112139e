// Racy: the session is opened with Poco::Data::MySQL::Connector::KEY, so the
// dialect is MySQL. The Poco::Data::Transaction runs at InnoDB's default
// REPEATABLE READ, where two transactions can both count 0 and both insert.
// ARGS: -- -std=c++17
#include <Poco/Data/MySQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <string>

using namespace Poco::Data::Keywords;

bool addFavourite(int UserId, std::string Isbn) {
  Poco::Data::Session S(Poco::Data::MySQL::Connector::KEY, "host=db;db=books");
  Poco::Data::Transaction T(S);
  int Count = 0;
  // note: sqlrace-check-then-insert existence of a 'favourites' row checked here, keyed on (user_id, isbn)
  S << "SELECT COUNT(*) FROM favourites WHERE user_id = ? AND isbn = ?", into(Count), use(UserId), use(Isbn), now;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'favourites' ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO favourites(user_id, isbn) VALUES (?, ?), backed by a UNIQUE constraint on favourites (user_id, isbn) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE user_id = user_id is stricter)
  S << "INSERT INTO favourites(user_id, isbn) VALUES (?, ?)", use(UserId), use(Isbn), now;
  T.commit();
  return true;
}
