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
  if (Read.executeStep())
    OnHand = Read.getColumn(0).getInt();

  SQLite::Transaction Txn(Db);
  SQLite::Statement Write(Db, "UPDATE inventory SET on_hand = ? WHERE sku = ?");
  Write.bind(1, OnHand + Delivered);
  Write.bind(2, Sku);
  // expect: sqlrace-read-modify-write update of 'inventory.on_hand' writes back ...*
  Write.exec();
  Txn.commit();
}
