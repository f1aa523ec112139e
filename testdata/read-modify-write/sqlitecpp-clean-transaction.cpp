// Clean: the read and the write run inside one SQLite::Transaction on the
// same database. Every SQLite transaction is serializable: a concurrent
// writer gets SQLITE_BUSY instead of silently losing its update.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void restock(SQLite::Database &Db, const std::string &Sku, int Delivered) {
  SQLite::Transaction Txn(Db);
  SQLite::Statement Read(Db, "SELECT on_hand FROM inventory WHERE sku = ?");
  Read.bind(1, Sku);
  int OnHand = 0;
  if (Read.executeStep())
    OnHand = Read.getColumn(0).getInt();

  SQLite::Statement Write(Db, "UPDATE inventory SET on_hand = ? WHERE sku = ?");
  Write.bind(1, OnHand + Delivered);
  Write.bind(2, Sku);
  // ok: sqlrace-read-modify-write
  Write.exec();
  Txn.commit();
}
