// Clean: the stock is read with SELECT ... FOR UPDATE inside the transaction
// that writes it. A concurrent seller blocks on the row lock until COMMIT and
// then reads the new stock, so no sale is lost.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool sell(QSqlDatabase Db, int ProductId, int Quantity) {
  Db.transaction();
  QSqlQuery Read(Db);
  Read.prepare("SELECT stock FROM products WHERE id = ? FOR UPDATE");
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
