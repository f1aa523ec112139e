// Clean: the lookup only picks the greeting; the INSERT into the append-only
// 'logins' table runs on both paths after the if/else has joined, so it does
// not depend on what the check saw.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

QString recordLogin(QSqlDatabase Db, int UserId) {
  QSqlQuery Find(Db);
  Find.prepare("SELECT 1 FROM logins WHERE user_id = :user");
  Find.bindValue(":user", UserId);
  Find.exec();
  QString Greeting;
  if (Find.next())
    Greeting = "Welcome back";
  else
    Greeting = "Welcome";

  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO logins(user_id) VALUES (:user)");
  Add.bindValue(":user", UserId);
  // ok: sqlrace-check-then-insert
  Add.exec();
  return Greeting;
}
