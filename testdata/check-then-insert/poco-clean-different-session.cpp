// Clean for this check: the COUNT runs on the cache database's session and
// the INSERT on the main database's session. Statements on different
// connections are never paired.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

void rememberVisit(Poco::Data::Session &Cache, Poco::Data::Session &Main, std::string Url) {
  int Seen = 0;
  Cache << "SELECT COUNT(*) FROM visits WHERE url = ?", into(Seen), use(Url), now;
  if (Seen == 0) {
    // ok: sqlrace-check-then-insert
    Main << "INSERT INTO visits(url) VALUES (?)", use(Url), now;
  }
}
