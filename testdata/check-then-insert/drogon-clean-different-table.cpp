// Clean: the check reads 'users', the insert appends to 'signup_attempts', a
// log with no key on the address, so the insert cannot duplicate what the
// check looked for.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

void recordAttempt(const drogon::orm::DbClientPtr &Db, const std::string &Email) {
  auto Found = Db->execSqlSync("SELECT id FROM users WHERE email = $1", Email);
  if (Found.empty())
    // ok: sqlrace-check-then-insert
    Db->execSqlSync("INSERT INTO signup_attempts(email, outcome) VALUES ($1, 'new')", Email);
}
