// Racy: a QSqlQuery looks the e-mail up with a named placeholder, and when
// next() finds no row a second query on the same connection inserts the user.
// Two sign-ups with the same address can both see "no row" and both insert.
// Qt has no SQL dialect of its own, so the repair note is the generic one.
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
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  Find.exec();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.next())
    return false;

  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO users(email) VALUES (:email)");
  Add.bindValue(":email", Email);
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on users (email) and use the dialect's insert-if-absent form or handle the unique violation
  return Add.exec();
}
