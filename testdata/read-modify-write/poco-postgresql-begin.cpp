// Racy: the session is opened with the "PostgreSQL" connector and
// Session::begin() starts a transaction, which is READ COMMITTED. The plain
// SELECT takes no row lock, so a concurrent stock change made between the
// read and the UPDATE is overwritten.
// ARGS: -- -std=c++17
#include <Poco/Data/Session.h>
#include <string>

using namespace Poco::Data::Keywords;

bool restock(std::string Sku, int Received) {
  Poco::Data::Session S("PostgreSQL", "host=db dbname=shop");
  S.begin();
  int Quantity = 0;
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (sku)
  S << "SELECT quantity FROM stock WHERE sku = ?", into(Quantity), use(Sku), now;
  int Total = Quantity + Received;
  // expect: sqlrace-read-modify-write update of 'stock.quantity' ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE stock SET quantity = quantity + ? WHERE sku = ?, binding the change instead of the new value
  S << "UPDATE stock SET quantity = ? WHERE sku = ?", use(Total), use(Sku), now;
  S.commit();
  return true;
}
