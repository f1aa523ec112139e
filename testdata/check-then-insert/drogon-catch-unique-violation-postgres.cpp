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
  // note: sqlrace-check-then-insert existence of a 'project_names' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Db->execSqlSync("SELECT 1 FROM project_names WHERE name = $1", Name).size() > 0)
    return false;
  try {
    // expect: sqlrace-check-then-insert insert into 'project_names' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO project_names(name, owner_id) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING, backed by a UNIQUE constraint on project_names (name)
    Db->execSqlSync("INSERT INTO project_names(name, owner_id) VALUES ($1, $2)", Name, OwnerId);
  } catch (const drogon::orm::UniqueViolation &) {
    return false;
  }
  return true;
}
