// Clean: the look-up only decides the message; the write is
// INSERT ... ON CONFLICT (email) DO NOTHING, which the UNIQUE constraint
// makes atomic, and affectedRows() says whether this call added the row.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool subscribe(const drogon::orm::DbClientPtr &Db, const std::string &Email) {
  if (!Db->execSqlSync("SELECT 1 FROM subscribers WHERE email = $1", Email).empty())
    return false;
  // ok: sqlrace-check-then-insert
  auto Added = Db->execSqlSync("INSERT INTO subscribers(email) VALUES ($1) ON CONFLICT (email) DO NOTHING", Email);
  return Added.affectedRows() == 1;
}
