// Racy: the stock level is read and written with prepared statements
// (PQprepare + PQexecPrepared). The new quantity is computed in C++ and bound
// as $2, so two orders for the last items can both read 3, both write 2, and
// the warehouse count drifts from reality.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool reserveStock(PGconn *Conn, const char *Sku, int Wanted) {
  PQclear(PQprepare(Conn, "read_stock", "SELECT quantity FROM stock WHERE sku = $1", 1, nullptr));
  PQclear(PQprepare(Conn, "write_stock", "UPDATE stock SET quantity = $2 WHERE sku = $1", 2, nullptr));

  const char *Key[] = {Sku};
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (sku)
  PGresult *Read = PQexecPrepared(Conn, "read_stock", 1, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 0) {
    PQclear(Read);
    return false;
  }
  int Quantity = atoi(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  if (Wanted > 1000)
    return false;
  const int Remaining = Quantity - Wanted;
  std::string Left = std::to_string(Remaining);
  const char *Params[] = {Sku, Left.c_str()};
  // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE stock SET quantity = quantity - $2 WHERE sku = $1, binding the change instead of the new value
  PGresult *Wrote = PQexecPrepared(Conn, "write_stock", 2, Params, nullptr, nullptr, 0);
  const bool Ok = PQresultStatus(Wrote) == PGRES_COMMAND_OK;
  PQclear(Wrote);
  return Ok;
}
