// Clean: the stock read is only returned to the caller; the write is
// self-relative (SET on_hand = on_hand - $2), so the server subtracts from
// whatever value the row holds when the UPDATE runs.
// ARGS: -- -std=c++17 -IInputs/drogon
#include <drogon/orm/DbClient.h>
#include <string>

int ship(const drogon::orm::DbClientPtr &Db, const std::string &Sku, int Quantity) {
  auto Read = Db->execSqlSync("SELECT on_hand FROM inventory WHERE sku = $1", Sku);
  const int Before = Read.empty() ? 0 : Read[0][0].as<int>();
  // ok: sqlrace-read-modify-write
  Db->execSqlSync("UPDATE inventory SET on_hand = on_hand - $2 WHERE sku = $1", Sku, Quantity);
  return Before - Quantity;
}
