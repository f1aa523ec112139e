// Racy: a SQLite::Statement looks the tag up, and when executeStep() returns
// false (no row) a second statement inserts it. In autocommit mode each
// statement is its own transaction, so two clients tagging with the same new
// name can both see "no row" and both insert.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool createTag(SQLite::Database &Db, const std::string &Name) {
  SQLite::Statement Find(Db, "SELECT id FROM tags WHERE name = ?");
  Find.bind(1, Name);
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Find.executeStep()) {
    SQLite::Statement Add(Db, "INSERT INTO tags(name) VALUES (?)");
    Add.bind(1, Name);
    // expect: sqlrace-check-then-insert insert into 'tags' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO tags(name) VALUES (?) ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on tags (name)
    Add.exec();
    return true;
  }
  return false;
}
