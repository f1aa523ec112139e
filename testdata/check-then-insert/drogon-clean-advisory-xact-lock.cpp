// Clean: inside the drogon::orm::Transaction the code takes
// pg_advisory_xact_lock on the user id before checking, so a second request
// for the same user waits until this transaction ends and then sees the row.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

void createProfile(drogon::orm::Transaction &Tx, int UserId) {
  Tx.execSqlSync("SELECT pg_advisory_xact_lock($1)", UserId);
  auto Found = Tx.execSqlSync("SELECT 1 FROM profiles WHERE user_id = $1", UserId);
  if (Found.empty())
    // ok: sqlrace-check-then-insert
    Tx.execSqlSync("INSERT INTO profiles(user_id) VALUES ($1)", UserId);
}
