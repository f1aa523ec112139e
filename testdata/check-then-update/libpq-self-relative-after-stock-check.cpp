// Racy: the stock is tested in C++ (Quantity < Wanted returns early) and then
// decremented with a self-relative UPDATE that does not restate the test. The
// decrement itself is atomic, but two orders for the last item both pass the
// test and both subtract: the stock goes to -1 and one item is sold twice.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool sell(PGconn *Conn, const char *Sku, int Wanted) {
  const char *Key[] = {Sku};
  // note: sqlrace-check-then-update 'stock' row read here, keyed on (sku)
  PGresult *Read = PQexecParams(Conn, "SELECT quantity FROM stock WHERE sku = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const int Quantity = PQntuples(Read) == 1 ? atoi(PQgetvalue(Read, 0, 0)) : 0;
  PQclear(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Quantity < Wanted)
    return false;
  const std::string Change = std::to_string(Wanted);
  const char *Params[] = {Sku, Change.c_str()};
  // expect: sqlrace-check-then-update update of 'stock' depends on a state read earlier...*
  // ok: sqlrace-read-modify-write
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  PQclear(PQexecParams(Conn, "UPDATE stock SET quantity = quantity - $2 WHERE sku = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
