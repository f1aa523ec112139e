// Clean: compare-and-set on a version column. The row is written only if its
// version is still the one read (AND version = $3), and affectedRows() of
// the UPDATE tells whether this writer won; on 0 the caller retries.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool renameDocument(const drogon::orm::DbClientPtr &Db, int DocId, const std::string &Suffix) {
  auto Read = Db->execSqlSync("SELECT title, version FROM documents WHERE id = $1", DocId);
  if (Read.empty())
    return false;
  const std::string Title = Read[0]["title"].as<std::string>();
  const int Version = Read[0]["version"].as<int>();
  // ok: sqlrace-read-modify-write
  auto Written = Db->execSqlSync("UPDATE documents SET title = $2, version = version + 1 WHERE id = $1 AND version = $3", DocId, Title + Suffix, Version);
  return Written.affectedRows() == 1;
}
