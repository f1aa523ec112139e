// Racy: RecordSet(session, query) runs the lookup, and rowCount() == 0 means
// the tag is new; two clients can both see no row and both insert it.
// ARGS: -- -std=c++17
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

void addTag(Poco::Data::Session &S, std::string Tag) {
  Poco::Data::RecordSet Rows(S, "SELECT id FROM tags WHERE name = '" + Tag + "'");
  if (Rows.rowCount() == 0)
    // expect: sqlrace-check-then-insert insert into 'tags' ...*
    S << "INSERT INTO tags(name) VALUES (?)", use(Tag), now;
}
