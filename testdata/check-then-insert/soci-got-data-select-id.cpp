// Racy: the tag's id is selected into an int, and when session::got_data()
// says no row came back the tag is created. Two posts tagged with a new name
// at the same time both see no row and both insert it.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

void ensureTag(soci::session &Sql, const std::string &Name) {
  long TagId = 0;
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  Sql << "SELECT id FROM tags WHERE name = :name", soci::use(Name), soci::into(TagId);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Sql.got_data()) {
    // expect: sqlrace-check-then-insert insert into 'tags' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on tags (name) and use the dialect's insert-if-absent form or handle the unique violation
    Sql << "INSERT INTO tags(name) VALUES (:name)", soci::use(Name);
  }
}
