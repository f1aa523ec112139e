// Racy: the check runs inside a SQLite::Transaction, but that object lives in
// an inner scope and is destroyed (which rolls the transaction back) before
// the INSERT runs. The write lock it held is gone when the insert is made.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

void registerDevice(SQLite::Database &Db, const std::string &Serial) {
  bool Known = false;
  {
    SQLite::Transaction Txn(Db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement Find(Db, "SELECT COUNT(*) FROM devices WHERE serial = ?");
    Find.bind(1, Serial);
    // note: sqlrace-check-then-insert existence of a 'devices' row checked here, keyed on (serial)
    Find.executeStep();
    Known = Find.getColumn(0).getInt() != 0;
  } // Txn destroyed without commit(): ROLLBACK
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Known)
    return;
  SQLite::Statement Add(Db, "INSERT INTO devices(serial) VALUES (?)");
  Add.bind(1, Serial);
  // expect: sqlrace-check-then-insert insert into 'devices' can race ...*
  // note: sqlrace-check-then-insert the transaction that protected the check ended before this statement
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO devices(serial) VALUES (?) ON CONFLICT (serial) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on devices (serial)
  Add.exec();
}
