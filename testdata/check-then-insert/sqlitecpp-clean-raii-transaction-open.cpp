// Clean look-alike of sqlitecpp-raii-transaction-ended.cpp: the same inner
// scope ends after the INSERT, so the immediate transaction (and its write
// lock) still covers the check and the insert.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void registerDevice(SQLite::Database &Db, const std::string &Serial) {
  {
    SQLite::Transaction Txn(Db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement Find(Db, "SELECT COUNT(*) FROM devices WHERE serial = ?");
    Find.bind(1, Serial);
    Find.executeStep();
    if (Find.getColumn(0).getInt() != 0)
      return;
    SQLite::Statement Add(Db, "INSERT INTO devices(serial) VALUES (?)");
    Add.bind(1, Serial);
    // ok: sqlrace-check-then-insert
    Add.exec();
    Txn.commit();
  }
}
