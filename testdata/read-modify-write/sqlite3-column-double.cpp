// Racy: a price stored as REAL is read with sqlite3_column_double, raised by
// 5 % and written back absolutely. A price change another admin saved in
// between is lost, exactly as with integers.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void raisePrice(sqlite3 *Db, const char *Sku) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT price FROM products WHERE sku = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, Sku, -1, SQLITE_TRANSIENT);
  // note: sqlrace-read-modify-write 'price' read from 'products' here, keyed on (sku)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return;
  }
  const double Price = sqlite3_column_double(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE products SET price = ? WHERE sku = ?", -1, &Write, nullptr);
  sqlite3_bind_double(Write, 1, Price * 1.05);
  sqlite3_bind_text(Write, 2, Sku, -1, SQLITE_TRANSIENT);
  // expect: sqlrace-read-modify-write update of 'products.price' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read and write the row inside one BEGIN IMMEDIATE transaction, or make the UPDATE conditional on the value read (AND price = <value read> in its WHERE) and check how many rows it changed
  sqlite3_step(Write);
  sqlite3_finalize(Write);
}
