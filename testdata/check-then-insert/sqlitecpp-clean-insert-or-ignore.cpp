// Clean: the lookup only saves a round trip; the INSERT itself is atomic
// (INSERT OR IGNORE against the UNIQUE constraint on tags.name), so a tag
// created concurrently is skipped instead of duplicated.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void createTag(SQLite::Database &Db, const std::string &Name) {
  SQLite::Statement Find(Db, "SELECT 1 FROM tags WHERE name = ?");
  Find.bind(1, Name);
  if (!Find.executeStep()) {
    SQLite::Statement Add(Db, "INSERT OR IGNORE INTO tags(name) VALUES (?)");
    Add.bind(1, Name);
    // ok: sqlrace-check-then-insert
    Add.exec();
  }
}
