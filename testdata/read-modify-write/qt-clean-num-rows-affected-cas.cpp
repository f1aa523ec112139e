// Clean: optimistic compare-and-set. The UPDATE restates the version it read
// and bumps it, and numRowsAffected() of the UPDATE's query tells whether
// another client won in between (0 rows), so no update is silently lost.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool sell(QSqlDatabase Db, int ProductId, int Quantity) {
  QSqlQuery Read(Db);
  Read.prepare("SELECT stock, version FROM products WHERE id = :id");
  Read.bindValue(":id", ProductId);
  if (!Read.exec() || !Read.next())
    return false;
  const int Stock = Read.value(0).toInt();
  const int Version = Read.value(1).toInt();

  QSqlQuery Write(Db);
  Write.prepare("UPDATE products SET stock = :stock, version = version + 1 WHERE id = :id AND version = :version");
  Write.bindValue(":stock", Stock - Quantity);
  Write.bindValue(":id", ProductId);
  Write.bindValue(":version", Version);
  // ok: sqlrace-read-modify-write
  if (!Write.exec())
    return false;
  return Write.numRowsAffected() == 1; // 0: another client won, re-read and retry
}
