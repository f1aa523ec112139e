// Racy: the returned items are added back to the stock with `Quantity +=
// Returned` in C++ and the sum is written with an absolute SET. A concurrent
// sale between the read and the write is overwritten.
// The compound assignment is understood as a change of `Returned`, so the
// rewrite binds that instead of the new total.
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
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE stock SET quantity = quantity + $2 WHERE sku = $1, binding the change instead of the new value
  PQclear(PQexecParams(Conn, "UPDATE stock SET quantity = $2 WHERE sku = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
