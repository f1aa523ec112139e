// Clean: the INSERT carries ON CONFLICT (email) DO NOTHING, so the database
// decides atomically whether the address is new; the lookup before it only
// avoids a round trip in the common case.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool signUp(QSqlDatabase Db, const QString &Email) {
  QSqlQuery Find(Db);
  Find.prepare("SELECT id FROM users WHERE email = :email");
  Find.bindValue(":email", Email);
  Find.exec();
  if (Find.next())
    return false;
  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO users(email) VALUES (:email) ON CONFLICT (email) DO NOTHING");
  Add.bindValue(":email", Email);
  // ok: sqlrace-check-then-insert
  return Add.exec() && Add.numRowsAffected() == 1;
}
