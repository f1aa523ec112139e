// Racy: a wishlist entry is added when COUNT(*) of the same entry, read with
// result[0][0].as<int>(), is 0. Two clicks on "add to wishlist" can both
// count 0 and both insert.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>

void addToWishlist(const drogon::orm::DbClientPtr &Db, int UserId, int ProductId) {
  auto Count = Db->execSqlSync("SELECT COUNT(*) FROM wishlist WHERE user_id = $1 AND product_id = $2", UserId, ProductId);
  if (Count[0][0].as<int>() == 0)
    // expect: sqlrace-check-then-insert insert into 'wishlist' can race ...*
    Db->execSqlSync("INSERT INTO wishlist(user_id, product_id) VALUES ($1, $2)", UserId, ProductId);
}
