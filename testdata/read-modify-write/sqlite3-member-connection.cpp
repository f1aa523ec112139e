// Racy: the connection is a member of the repository class (this->Db), used
// by both statements. Restocking computes the new quantity in C++, so a sale
// recorded by another process between the read and the write is undone.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

class Inventory {
public:
  explicit Inventory(sqlite3 *Db) : Db(Db) {}

  void restock(const char *Sku, int Delivered) {
    sqlite3_stmt *Read = nullptr;
    sqlite3_prepare_v2(Db, "SELECT on_hand FROM inventory WHERE sku = ?", -1, &Read, nullptr);
    sqlite3_bind_text(Read, 1, Sku, -1, SQLITE_TRANSIENT);
    int OnHand = 0;
    // note: sqlrace-read-modify-write 'on_hand' read from 'inventory' here, keyed on (sku)
    if (sqlite3_step(Read) == SQLITE_ROW)
      OnHand = sqlite3_column_int(Read, 0);
    sqlite3_finalize(Read);

    sqlite3_stmt *Write = nullptr;
    sqlite3_prepare_v2(Db, "UPDATE inventory SET on_hand = ? WHERE sku = ?", -1, &Write, nullptr);
    sqlite3_bind_int(Write, 1, OnHand + Delivered);
    sqlite3_bind_text(Write, 2, Sku, -1, SQLITE_TRANSIENT);
    // expect: sqlrace-read-modify-write update of 'inventory.on_hand' writes back a value computed from an earlier read...*
    // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
    // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE inventory SET on_hand = on_hand + ? WHERE sku = ?, binding the change instead of the new value
    sqlite3_step(Write);
    sqlite3_finalize(Write);
  }

private:
  sqlite3 *Db;
};
