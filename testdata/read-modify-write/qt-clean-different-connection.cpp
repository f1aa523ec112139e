// Clean: an import job reads the legacy points from one QSqlDatabase and
// writes the converted value into another database. The UPDATE cannot
// overwrite a concurrent change of the row the SELECT read, because it
// writes a different database.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool importPoints(QSqlDatabase Legacy, QSqlDatabase Current, int MemberId) {
  QSqlQuery Read(Legacy);
  Read.prepare("SELECT points FROM members WHERE id = :id");
  Read.bindValue(":id", MemberId);
  if (!Read.exec() || !Read.next())
    return false;
  const int Points = Read.value(0).toInt();

  QSqlQuery Write(Current);
  Write.prepare("UPDATE members SET points = :points WHERE id = :id");
  Write.bindValue(":points", Points * 10);
  Write.bindValue(":id", MemberId);
  // ok: sqlrace-read-modify-write
  return Write.exec();
}
