// Racy: the INSERT is wrapped in try/catch for drogon::orm::UniqueViolation,
// but drogon's PostgreSQL backend (1.9.10, PgConnection::handleFatalError)
// reports every server error as drogon::orm::Failure, so the duplicate that a
// concurrent client causes is not caught by this handler. Only the SQLite
// backend throws UniqueViolation; rules/drogon.json therefore lists no
// unique-violation exception.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool reserveName(const drogon::orm::DbClientPtr &Db, const std::string &Name, int OwnerId) {
  if (Db->execSqlSync("SELECT 1 FROM project_names WHERE name = $1", Name).size() > 0)
    return false;
  try {
    // expect: sqlrace-check-then-insert insert into 'project_names' can race ...*
    Db->execSqlSync("INSERT INTO project_names(name, owner_id) VALUES ($1, $2)", Name, OwnerId);
  } catch (const drogon::orm::UniqueViolation &) {
    return false;
  }
  return true;
}
