// Racy: an order's history is a text column; it is read with
// sqlite3_column_text, a line is appended in C++ and the whole text is
// written back. A history line another worker appended in between is lost.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

void logEvent(sqlite3 *Db, sqlite3_int64 OrderId, const std::string &Event) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT history FROM orders WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, OrderId);
  std::string History;
  // note: sqlrace-read-modify-write 'history' read from 'orders' here, keyed on (id)
  if (sqlite3_step(Read) == SQLITE_ROW)
    History = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  History += Event + "\n";

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE orders SET history = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, History.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Write, 2, OrderId);
  // expect: sqlrace-read-modify-write update of 'orders.history' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read and write the row inside one BEGIN IMMEDIATE transaction, or make the UPDATE conditional on the value read (AND history = <value read> in its WHERE) and check how many rows it changed
  sqlite3_step(Write);
  sqlite3_finalize(Write);
}
