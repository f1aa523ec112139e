// Racy: RecordSet(session, query) runs the lookup, and rowCount() == 0 means
// the tag is new; two clients can both see no row and both insert it.
// ARGS: -- -std=c++17
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

void addTag(Poco::Data::Session &S, std::string Tag) {
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert this SQL is partly unknown at analysis time; its table and key come from the known parts
  Poco::Data::RecordSet Rows(S, "SELECT id FROM tags WHERE name = '" + Tag + "'");
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Rows.rowCount() == 0)
    // expect: sqlrace-check-then-insert insert into 'tags' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on tags (name) and use the dialect's insert-if-absent form or handle the unique violation
    S << "INSERT INTO tags(name) VALUES (?)", use(Tag), now;
}
