// Racy: session::begin() and commit() wrap the check and the insert, but the
// file never says which database the session talks to. At the default
// isolation of PostgreSQL or MySQL a transaction does not stop a concurrent
// insert of the same SKU, so it is not counted as a protection.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool addProduct(soci::session &Sql, const std::string &Sku, const std::string &Title) {
  Sql.begin();
  int Count = 0;
  Sql << "SELECT COUNT(*) FROM products WHERE sku = :sku", soci::use(Sku), soci::into(Count);
  if (Count != 0) {
    Sql.rollback();
    return false;
  }
  // expect: sqlrace-check-then-insert insert into 'products' ...*
  Sql << "INSERT INTO products(sku, title) VALUES (:sku, :title)", soci::use(Sku), soci::use(Title);
  Sql.commit();
  return true;
}
