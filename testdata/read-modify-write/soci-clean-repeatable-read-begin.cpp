// Clean: on a PostgreSQL session, session::begin() is followed by SET
// TRANSACTION ISOLATION LEVEL REPEATABLE READ. In PostgreSQL the second
// writer of the row then fails with 40001 instead of overwriting the first
// update, so the lost update cannot happen (the caller retries).
// REQUIRES: pkg(libpq)
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <string>

bool reserve(const std::string &Sku, int Wanted) {
  soci::session Sql(soci::postgresql, "dbname=shop");
  Sql.begin();
  Sql << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
  int Quantity = 0;
  Sql << "SELECT quantity FROM stock WHERE sku = :sku", soci::use(Sku), soci::into(Quantity);
  if (Quantity < Wanted) {
    Sql.rollback();
    return false;
  }
  int Left = Quantity - Wanted;
  // ok: sqlrace-read-modify-write
  Sql << "UPDATE stock SET quantity = :q WHERE sku = :sku", soci::use(Left), soci::use(Sku);
  Sql.commit();
  return true;
}
