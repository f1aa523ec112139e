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
  Write.exec();
  return true;
}
