// Clean: the usual way to open an SQLite session names the connector as
// Poco::Data::SQLite::Connector::KEY instead of the literal "SQLite"; the rule
// knows that constant by its qualified name. The Poco::Data::Transaction then
// makes the check and the insert atomic (SQLite has one writer at a time).
// ARGS: -- -std=c++17
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <string>

using namespace Poco::Data::Keywords;

bool addWatch(int UserId, std::string Symbol) {
  Poco::Data::Session S(Poco::Data::SQLite::Connector::KEY, "watchlist.db");
  Poco::Data::Transaction T(S);
  int Count = 0;
  S << "SELECT COUNT(*) FROM watches WHERE user_id = ? AND symbol = ?", into(Count), use(UserId), use(Symbol), now;
  if (Count != 0)
    return false;
  // ok: sqlrace-check-then-insert
  S << "INSERT INTO watches(user_id, symbol) VALUES (?, ?)", use(UserId), use(Symbol), now;
  T.commit();
  return true;
}
