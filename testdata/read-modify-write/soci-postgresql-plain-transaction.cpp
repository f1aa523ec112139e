// Racy: on a PostgreSQL session the read and the write run inside a
// soci::transaction, but a plain transaction is READ COMMITTED and the SELECT
// takes no row lock. Another transfer can update the stock in between and
// its change is overwritten.
// REQUIRES: pkg(libpq)
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <string>

bool reserve(const std::string &Sku, int Wanted) {
  soci::session Sql(soci::postgresql, "dbname=shop");
  soci::transaction Tr(Sql);
  int Quantity = 0;
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (sku)
  Sql << "SELECT quantity FROM stock WHERE sku = :sku", soci::use(Sku), soci::into(Quantity);
  if (Quantity < Wanted)
    return false;
  int Left = Quantity - Wanted;
  // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE stock SET quantity = quantity - :q WHERE sku = :sku, binding the change instead of the new value
  Sql << "UPDATE stock SET quantity = :q WHERE sku = :sku", soci::use(Left), soci::use(Sku);
  Tr.commit();
  return true;
}
