// Clean: optimistic compare-and-set. The UPDATE restates the version it read
// (AND version = ?) and bumps it, and Database::getChanges() tells whether
// another client won in between (0 rows): the caller then re-reads and retries.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool rename(SQLite::Database &Db, int DocId, const std::string &Suffix) {
  SQLite::Statement Read(Db, "SELECT title, version FROM documents WHERE id = ?");
  Read.bind(1, DocId);
  if (!Read.executeStep())
    return false;
  std::string Title = Read.getColumn(0).getString();
  const int Version = Read.getColumn(1).getInt();
  Title += Suffix;

  SQLite::Statement Write(Db, "UPDATE documents SET title = ?, version = version + 1 WHERE id = ? AND version = ?");
  Write.bind(1, Title);
  Write.bind(2, DocId);
  Write.bind(3, Version);
  // ok: sqlrace-read-modify-write
  Write.exec();
  return Db.getChanges() == 1;
}
