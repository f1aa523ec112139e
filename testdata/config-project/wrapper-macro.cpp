// Racy: the insert is written with the project's APP_RUN macro, which
// expands to the wrapper call; sqlrace reads the expansion, and reports at
// the macro's use.
// ARGS: -- -std=c++17
#include "app_db.h"

void addEmail(app::Db &Db, const std::string &Email) {
  if (Db.query("SELECT 1 FROM users WHERE email = $1", Email).count() == 0)
    // expect: sqlrace-check-then-insert insert into 'users' can race ...*
    APP_RUN(Db, "INSERT INTO users(email) VALUES ($1)", Email);
}
