// Clean look-alikes through the wrappers: the violation is caught as the
// project's own exception type (declared in .sqlrace.json), and a check whose
// insert runs after the if/else joins.
// ARGS: -- -std=c++17
#include "app_db.h"

bool addEmail(app::Db &Db, const std::string &Email) {
  if (!Db.query("SELECT 1 FROM users WHERE email = $1", Email).empty())
    return false;
  try {
    // ok: sqlrace-check-then-insert
    Db.run("INSERT INTO users(email) VALUES ($1)", Email);
  } catch (const app::DuplicateKey &) {
    return false;
  }
  return true;
}

void touch(app::Db &Db, const std::string &Email, bool Log) {
  bool Known = !Db.query("SELECT 1 FROM users WHERE email = $1", Email).empty();
  if (Known)
    Log = !Log;
  // ok: sqlrace-check-then-insert
  Db.run("INSERT INTO audit(email) VALUES ($1)", Email);
}
