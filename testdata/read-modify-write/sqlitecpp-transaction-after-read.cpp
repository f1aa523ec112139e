// Racy: the SQLite::Transaction is opened only after the stock level has
// been read, so the read runs in its own autocommit transaction. Another
// client can change the row between the read and BEGIN; the transaction
// then writes back a value computed from the stale read.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void restock(SQLite::Database &Db, const std::string &Sku, int Delivered) {
  SQLite::Statement Read(Db, "SELECT on_hand FROM inventory WHERE sku = ?");
  Read.bind(1, Sku);
  int OnHand = 0;
  // note: sqlrace-read-modify-write 'on_hand' read from 'inventory' here, keyed on (sku)
  if (Read.executeStep())
    OnHand = Read.getColumn(0).getInt();

  SQLite::Transaction Txn(Db);
  SQLite::Statement Write(Db, "UPDATE inventory SET on_hand = ? WHERE sku = ?");
  Write.bind(1, OnHand + Delivered);
  Write.bind(2, Sku);
  // expect: sqlrace-read-modify-write update of 'inventory.on_hand' writes back ...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE inventory SET on_hand = on_hand + ? WHERE sku = ?, binding the change instead of the new value
  Write.exec();
  Txn.commit();
}
