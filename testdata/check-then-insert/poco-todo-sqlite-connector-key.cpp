// Known false positive: the usual way to open an SQLite session names the
// connector as Poco::Data::SQLite::Connector::KEY instead of the literal
// "SQLite". The Poco::Data::Transaction then makes the check and the insert
// atomic (SQLite has one writer at a time), but the dialect is not found.
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
  // FIXME(analyzer): the dialect comes only from the text of the connector argument; Poco::Data::SQLite::Connector::KEY is a static std::string defined in the library (value "sqlite"), so it has no text here and the fallback, the variable name KEY, names no dialect; the SQLite transaction is treated as an unknown-dialect transaction below SERIALIZABLE.
  // todo-ok: sqlrace-check-then-insert insert into 'watches' ...*
  S << "INSERT INTO watches(user_id, symbol) VALUES (?, ?)", use(UserId), use(Symbol), now;
  T.commit();
  return true;
}
