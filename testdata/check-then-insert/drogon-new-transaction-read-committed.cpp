// Racy: the transaction from DbClient::newTransaction() runs at PostgreSQL's
// default READ COMMITTED; two concurrent transactions can both find no
// handle and both insert it.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

bool reserveHandle(const drogon::orm::DbClientPtr &Db, const std::string &Handle, int UserId) {
  auto Tx = Db->newTransaction();
  // note: sqlrace-check-then-insert existence of a 'handles' row checked here, keyed on (handle)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Tx->execSqlSync("SELECT 1 FROM handles WHERE handle = $1", Handle).empty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'handles' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO handles(handle, user_id) VALUES ($1, $2) ON CONFLICT (handle) DO NOTHING, backed by a UNIQUE constraint on handles (handle)
  Tx->execSqlSync("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  return true;
}
