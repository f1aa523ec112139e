// Racy: the tag's id is selected into an int, and when session::got_data()
// says no row came back the tag is created. Two posts tagged with a new name
// at the same time both see no row and both insert it.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

void ensureTag(soci::session &Sql, const std::string &Name) {
  long TagId = 0;
  Sql << "SELECT id FROM tags WHERE name = :name", soci::use(Name), soci::into(TagId);
  if (!Sql.got_data()) {
    // expect: sqlrace-check-then-insert insert into 'tags' ...*
    Sql << "INSERT INTO tags(name) VALUES (:name)", soci::use(Name);
  }
}
