// Racy: the balance is read with value(0).toLongLong(), the payment is
// subtracted in C++ and the new balance is bound with bindValue(). Two
// payments that read the same balance both write "balance - amount", so one
// of them is lost.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool pay(QSqlDatabase Db, qlonglong AccountId, qlonglong Amount) {
  QSqlQuery Read(Db);
  Read.prepare("SELECT balance FROM accounts WHERE id = :id");
  Read.bindValue(":id", AccountId);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  if (!Read.exec() || !Read.next())
    return false;
  const qlonglong Balance = Read.value(0).toLongLong();

  QSqlQuery Write(Db);
  Write.prepare("UPDATE accounts SET balance = balance - :balance WHERE id = :id");
  Write.bindValue(":balance", Amount);
  Write.bindValue(":id", AccountId);
  // FIXME(analyzer): Qt has no dialect, and the rewrite note prints an empty dialect name, "atomic rewrite (): UPDATE ...". The regex accepts that and the text without "()"; pin the exact wording once decided.
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite{{(?: \(\))?}}: UPDATE accounts SET balance = balance - :balance WHERE id = :id, binding the change instead of the new value
  return Write.exec();
}
