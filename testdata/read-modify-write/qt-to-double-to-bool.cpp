// Racy: the price is read with QVariant::toDouble(), raised in C++ and bound
// back; the flag read with toBool() only decides whether to go on. Two
// clients that read the same price both write their own result, and one
// raise is lost.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool raisePrice(QSqlDatabase Db, int ProductId, double Percent) {
  QSqlQuery Read(Db);
  Read.prepare("SELECT price, frozen FROM products WHERE id = ?");
  Read.addBindValue(ProductId);
  // note: sqlrace-read-modify-write 'price' read from 'products' here, keyed on (id)
  if (!Read.exec() || !Read.next())
    return false;
  if (Read.value(1).toBool())
    return false;
  const double Price = Read.value(0).toDouble();
  QSqlQuery Write(Db);
  Write.prepare("UPDATE products SET price = ? WHERE id = ?");
  Write.addBindValue(Price * (1 + Percent / 100));
  Write.addBindValue(ProductId);
  // expect: sqlrace-read-modify-write update of 'products.price' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND price = <value read> in its WHERE) and check how many rows it changed
  return Write.exec();
}
