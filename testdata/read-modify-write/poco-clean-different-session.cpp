// Clean for this check: the counter is read from the reporting database's
// session and the new value is written through the main database's session.
// Statements on different connections are never paired.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

void copyViews(Poco::Data::Session &Reports, Poco::Data::Session &Main, std::string Slug) {
  long Views = 0;
  Reports << "SELECT views FROM pages WHERE slug = ?", into(Views), use(Slug), now;
  long Total = Views + 1;
  // ok: sqlrace-read-modify-write
  Main << "UPDATE pages SET views = ? WHERE slug = ?", use(Total), use(Slug), now;
}
