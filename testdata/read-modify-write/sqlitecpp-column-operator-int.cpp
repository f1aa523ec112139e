// Racy: the remaining quota is taken from the row through the implicit
// SQLite::Column -> int conversion, decremented with -- and written back.
// Two uploads that read the same quota both store "quota - 1", so one
// upload is never charged.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool chargeUpload(SQLite::Database &Db, const std::string &Account) {
  SQLite::Statement Read(Db, "SELECT uploads_left FROM quotas WHERE account = ?");
  Read.bind(1, Account);
  // note: sqlrace-read-modify-write 'uploads_left' read from 'quotas' here, keyed on (account)
  if (!Read.executeStep())
    return false;
  int Left = Read.getColumn(0);
  if (Left <= 0)
    return false;
  --Left;

  SQLite::Statement Write(Db, "UPDATE quotas SET uploads_left = ? WHERE account = ?");
  Write.bind(1, Left);
  Write.bind(2, Account);
  // expect: sqlrace-read-modify-write update of 'quotas.uploads_left' writes back ...*
  // note: sqlrace-read-modify-write no transaction (BEGIN IMMEDIATE) or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (SQLite): UPDATE quotas SET uploads_left = uploads_left - ? WHERE account = ?, binding the change instead of the new value
  Write.exec();
  return true;
}
