// Racy: the UPDATE restates the version it read (AND version = ?), but the
// code never asks Database::getChanges() whether a row was changed. When
// another client bumped the version in between, the rename silently changes
// 0 rows and the caller is told it succeeded.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool rename(SQLite::Database &Db, int DocId, const std::string &Suffix) {
  SQLite::Statement Read(Db, "SELECT title, version FROM documents WHERE id = ?");
  Read.bind(1, DocId);
  // note: sqlrace-read-modify-write 'title' read from 'documents' here, keyed on (id)
  if (!Read.executeStep())
    return false;
  std::string Title = Read.getColumn(0).getString();
  const int Version = Read.getColumn(1).getInt();
  Title += Suffix;

  SQLite::Statement Write(Db, "UPDATE documents SET title = ?, version = version + 1 WHERE id = ? AND version = ?");
  Write.bind(1, Title);
  Write.bind(2, DocId);
  Write.bind(3, Version);
  // expect: sqlrace-read-modify-write update of 'documents.title' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  // note: sqlrace-read-modify-write read and write the row inside one BEGIN IMMEDIATE transaction, or make the UPDATE conditional on the value read (AND title = <value read> in its WHERE) and check how many rows it changed
  Write.exec();
  return true;
}
