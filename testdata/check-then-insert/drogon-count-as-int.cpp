// Racy: a wishlist entry is added when COUNT(*) of the same entry, read with
// result[0][0].as<int>(), is 0. Two clicks on "add to wishlist" can both
// count 0 and both insert.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

void addToWishlist(const drogon::orm::DbClientPtr &Db, int UserId, int ProductId) {
  // note: sqlrace-check-then-insert existence of a 'wishlist' row checked here, keyed on (user_id, product_id)
  auto Count = Db->execSqlSync("SELECT COUNT(*) FROM wishlist WHERE user_id = $1 AND product_id = $2", UserId, ProductId);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count[0][0].as<int>() == 0)
    // expect: sqlrace-check-then-insert insert into 'wishlist' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO wishlist(user_id, product_id) VALUES ($1, $2) ON CONFLICT (user_id, product_id) DO NOTHING, backed by a UNIQUE constraint on wishlist (user_id, product_id)
    Db->execSqlSync("INSERT INTO wishlist(user_id, product_id) VALUES ($1, $2)", UserId, ProductId);
}
