// Racy: QSqlDatabase::transaction() opens a transaction at the server's
// default isolation: READ COMMITTED in PostgreSQL, REPEATABLE READ in InnoDB.
// Neither blocks a second reader of the same stock level, and both let the
// later UPDATE overwrite the earlier one, so a sale can be lost.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool sell(QSqlDatabase Db, int ProductId, int Quantity) {
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
  Write.prepare("UPDATE products SET stock = stock - ? WHERE id = ?");
  Write.addBindValue(Quantity);
  Write.addBindValue(ProductId);
  // expect: sqlrace-read-modify-write update of 'products.stock' writes back ...*
  Write.exec();
  return Db.commit();
}
