// Clean: the UPDATE adds the points in SQL (SET points = points + :delta) and
// binds only the change; the value read is only shown to the user. The
// database applies the increment to the current row, so nothing is lost.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

int award(QSqlDatabase Db, int MemberId, int Delta) {
  QSqlQuery Read(Db);
  Read.prepare("SELECT points FROM members WHERE id = :id");
  Read.bindValue(":id", MemberId);
  if (!Read.exec() || !Read.next())
    return -1;
  const int Before = Read.value(0).toInt();

  QSqlQuery Write(Db);
  Write.prepare("UPDATE members SET points = points + :delta WHERE id = :id");
  Write.bindValue(":delta", Delta);
  Write.bindValue(":id", MemberId);
  // ok: sqlrace-read-modify-write
  Write.exec();
  return Before + Delta; // for the notification only
}
