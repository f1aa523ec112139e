// Racy: both queries run on the default connection (no QSqlDatabase given);
// the points are read with first() and value(0).toInt(), doubled in C++ and
// written back. Two "double your points" promotions applied at once
// both double the old value: the member gets x2 instead of x4.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlQuery>

bool doublePoints(int MemberId) {
  QSqlQuery Read;
  Read.prepare("SELECT points FROM members WHERE id = ?");
  Read.addBindValue(MemberId);
  // note: sqlrace-read-modify-write 'points' read from 'members' here, keyed on (id)
  if (!Read.exec() || !Read.first())
    return false;
  const int Points = Read.value(0).toInt();

  QSqlQuery Write;
  Write.prepare("UPDATE members SET points = ? WHERE id = ?");
  Write.addBindValue(Points * 2);
  Write.addBindValue(MemberId);
  // expect: sqlrace-read-modify-write update of 'members.points' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND points = <value read> in its WHERE) and check how many rows it changed
  return Write.exec();
}
