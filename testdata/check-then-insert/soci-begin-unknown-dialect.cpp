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
  // note: sqlrace-check-then-insert existence of a 'products' row checked here, keyed on (sku)
  Sql << "SELECT COUNT(*) FROM products WHERE sku = :sku", soci::use(Sku), soci::into(Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count != 0) {
    Sql.rollback();
    return false;
  }
  // expect: sqlrace-check-then-insert insert into 'products' ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on products (sku) and use the dialect's insert-if-absent form or handle the unique violation
  Sql << "INSERT INTO products(sku, title) VALUES (:sku, :title)", soci::use(Sku), soci::use(Title);
  Sql.commit();
  return true;
}
