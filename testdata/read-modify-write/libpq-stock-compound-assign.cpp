// Racy: the returned items are added back to the stock with `Quantity +=
// Returned` in C++ and the sum is written with an absolute SET. A concurrent
// sale between the read and the write is overwritten.
// FIXME(analyzer): a compound assignment (+=, -=, ++) on the read value should
// give the atomic rewrite note "UPDATE stock SET quantity = quantity + $2 WHERE
// sku = $1", as `Quantity + Returned` does; today the generic advice is given.
// The note below pins that advice so this file fails once the rewrite appears.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

void restock(PGconn *Conn, const char *Sku, int Returned) {
  const char *Key[] = {Sku};
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (sku)
  PGresult *Read = PQexecParams(Conn, "SELECT quantity FROM stock WHERE sku = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 0) {
    PQclear(Read);
    return;
  }
  int Quantity = atoi(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  Quantity += Returned;
  const std::string Text = std::to_string(Quantity);
  const char *Params[] = {Sku, Text.c_str()};
  // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET quantity = quantity + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  PQclear(PQexecParams(Conn, "UPDATE stock SET quantity = $2 WHERE sku = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
