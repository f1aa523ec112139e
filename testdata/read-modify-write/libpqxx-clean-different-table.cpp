// Clean: the product's current price is copied into the cart line (a price
// snapshot). The UPDATE writes another table, cart_items, so no value of the
// row that was read can be lost.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void addToCart(pqxx::connection &Conn, int CartId, const std::string &Sku, int Quantity) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT price_cents FROM products WHERE sku = $1", Sku);
  const long Price = R[0][0].as<long>();
  // ok: sqlrace-read-modify-write
  W.exec_params("UPDATE cart_items SET price_cents = $3, quantity = $4 WHERE cart_id = $1 AND sku = $2", CartId, Sku, Price * Quantity, Quantity);
  W.commit();
}
