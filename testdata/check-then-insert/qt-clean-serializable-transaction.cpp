// Clean: the session's next transaction is set to SERIALIZABLE before
// QSqlDatabase::transaction() opens it, so the check and the insert run in
// one serializable transaction; a concurrent duplicate makes one of the two
// transactions fail (40001) and retry instead of inserting twice.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool addCoupon(QSqlDatabase Db, const QString &Code, int Percent) {
  QSqlQuery Setup(Db);
  Setup.exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  Db.transaction();
  QSqlQuery Find(Db);
  Find.prepare("SELECT 1 FROM coupons WHERE code = :code");
  Find.bindValue(":code", Code);
  Find.exec();
  if (Find.next()) {
    Db.rollback();
    return false;
  }
  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO coupons(code, percent) VALUES (:code, :percent)");
  Add.bindValue(":code", Code);
  Add.bindValue(":percent", Percent);
  // ok: sqlrace-check-then-insert
  Add.exec();
  return Db.commit();
}
