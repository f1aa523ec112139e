// Clean: SQLite::Transaction with TransactionBehavior::IMMEDIATE takes the
// write lock before the check (BEGIN IMMEDIATE), so no other writer can
// insert the same device between the lookup and the insert.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void registerDevice(SQLite::Database &Db, const std::string &Serial) {
  SQLite::Transaction Txn(Db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement Find(Db, "SELECT COUNT(*) FROM devices WHERE serial = ?");
  Find.bind(1, Serial);
  Find.executeStep();
  if (Find.getColumn(0).getInt() == 0) {
    SQLite::Statement Add(Db, "INSERT INTO devices(serial) VALUES (?)");
    Add.bind(1, Serial);
    // ok: sqlrace-check-then-insert
    Add.exec();
  }
  Txn.commit();
}
