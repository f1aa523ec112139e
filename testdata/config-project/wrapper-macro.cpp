// Racy: the insert is written with the project's APP_RUN macro, which
// expands to the wrapper call; sqlrace reads the expansion, and reports at
// the macro's use.
// ARGS: -- -std=c++17
#include "app_db.h"

void addEmail(app::Db &Db, const std::string &Email) {
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Db.query("SELECT 1 FROM users WHERE email = $1", Email).count() == 0)
    // expect: sqlrace-check-then-insert insert into 'users' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
    APP_RUN(Db, "INSERT INTO users(email) VALUES ($1)", Email);
}
