// Racy: the check and the insert go through the project's own wrapper,
// app::Db::query / app::Db::run, declared in .sqlrace.json. The race is the
// same as with the API underneath.
// ARGS: -- -std=c++17
#include "app_db.h"

bool addEmail(app::Db &Db, const std::string &Email) {
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  app::Rows Found = Db.query("SELECT id FROM users WHERE email = $1", Email);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Found.empty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
  Db.run("INSERT INTO users(email) VALUES ($1)", Email);
  return true;
}
