// Racy: QSqlDatabase::transaction() opens a transaction at the server's
// default isolation (READ COMMITTED in PostgreSQL, REPEATABLE READ in
// MySQL). Neither stops another client from inserting the same row between
// the check and the insert, so the transaction alone does not help.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool addCoupon(QSqlDatabase Db, const QString &Code, int Percent) {
  Db.transaction();
  QSqlQuery Find(Db);
  Find.prepare("SELECT 1 FROM coupons WHERE code = :code");
  Find.bindValue(":code", Code);
  // note: sqlrace-check-then-insert existence of a 'coupons' row checked here, keyed on (code)
  Find.exec();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.next()) {
    Db.rollback();
    return false;
  }
  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO coupons(code, percent) VALUES (:code, :percent)");
  Add.bindValue(":code", Code);
  Add.bindValue(":percent", Percent);
  // expect: sqlrace-check-then-insert insert into 'coupons' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on coupons (code) and use the dialect's insert-if-absent form or handle the unique violation
  Add.exec();
  return Db.commit();
}
