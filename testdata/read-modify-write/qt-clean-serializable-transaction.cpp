// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE applies to the
// transaction QSqlDatabase::transaction() opens next. A concurrent
// read-modify-write of the same row then fails with a serialization error
// (and is retried by the caller) instead of overwriting this one.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool sell(QSqlDatabase Db, int ProductId, int Quantity) {
  QSqlQuery Setup(Db);
  Setup.exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  Db.transaction();
  QSqlQuery Read(Db);
  Read.prepare("SELECT stock FROM products WHERE id = ?");
  Read.addBindValue(ProductId);
  if (!Read.exec() || !Read.next()) {
    Db.rollback();
    return false;
  }
  const int Stock = Read.value(0).toInt();

  QSqlQuery Write(Db);
  Write.prepare("UPDATE products SET stock = ? WHERE id = ?");
  Write.addBindValue(Stock - Quantity);
  Write.addBindValue(ProductId);
  // ok: sqlrace-read-modify-write
  Write.exec();
  return Db.commit();
}
