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
  // note: sqlrace-read-modify-write 'stock' read from 'products' here, keyed on (id)
  if (!Read.exec() || !Read.next()) {
    Db.rollback();
    return false;
  }
  const int Stock = Read.value(0).toInt();

  QSqlQuery Write(Db);
  Write.prepare("UPDATE products SET stock = ? WHERE id = ?");
  Write.addBindValue(Stock - Quantity);
  Write.addBindValue(ProductId);
  // expect: sqlrace-read-modify-write update of 'products.stock' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE products SET stock = stock - ? WHERE id = ?, binding the change instead of the new value
  Write.exec();
  return Db.commit();
}
