// Racy: the signup looks the address up with DbClient::execSqlSync() and
// inserts when the Result is empty(). Each execSqlSync() on a DbClient runs
// on its own (autocommit, possibly on another pooled connection), so a
// concurrent signup can insert the same address in between.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool signUp(const drogon::orm::DbClientPtr &Db, const std::string &Email) {
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  drogon::orm::Result Found = Db->execSqlSync("SELECT 1 FROM users WHERE email = $1", Email);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Found.empty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
  Db->execSqlSync("INSERT INTO users(email) VALUES ($1)", Email);
  return true;
}
