// Racy: the UPDATE restates the quantity it read (AND quantity = ?), but the
// code never calls sqlite3_changes(). When another process changed the row
// first, 0 rows change and the reservation is reported as made anyway.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool reserve(sqlite3 *Db, const char *Sku, int Wanted) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT quantity FROM stock WHERE sku = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, Sku, -1, SQLITE_TRANSIENT);
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (sku)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const int Quantity = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE stock SET quantity = ? WHERE sku = ? AND quantity = ?", -1, &Write, nullptr);
  sqlite3_bind_int(Write, 1, Quantity - Wanted);
  sqlite3_bind_text(Write, 2, Sku, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(Write, 3, Quantity);
  // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE stock SET quantity = quantity - ? WHERE sku = ? AND quantity = ?, binding the change instead of the new value
  const bool Ok = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Ok;
}
