// Clean: the check and the insert run inside a SQLite::Transaction on the
// same database. SQLite has one writer at a time and every transaction is
// serializable, so a concurrent client cannot slip a duplicate in between
// (at worst it gets SQLITE_BUSY and retries).
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool createTag(SQLite::Database &Db, const std::string &Name) {
  SQLite::Transaction Txn(Db);
  SQLite::Statement Find(Db, "SELECT id FROM tags WHERE name = ?");
  Find.bind(1, Name);
  if (!Find.executeStep()) {
    SQLite::Statement Add(Db, "INSERT INTO tags(name) VALUES (?)");
    Add.bind(1, Name);
    // ok: sqlrace-check-then-insert
    Add.exec();
  }
  Txn.commit();
  return true;
}
