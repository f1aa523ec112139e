// Racy: the failed INSERT's native error code is compared with "40001" (a
// serialization failure) only. A unique violation caused by a client that
// inserted the same tag between the check and the insert falls through and
// is reported as a generic failure; nothing handles the duplicate.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

enum class Result { Created, Exists, Retry, Failed };

Result createTag(QSqlDatabase Db, const QString &Name) {
  QSqlQuery Find(Db);
  Find.prepare("SELECT id FROM tags WHERE name = :name");
  Find.bindValue(":name", Name);
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  Find.exec();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.next())
    return Result::Exists;
  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO tags(name) VALUES (:name)");
  Add.bindValue(":name", Name);
  // expect: sqlrace-check-then-insert insert into 'tags' ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on tags (name) and use the dialect's insert-if-absent form or handle the unique violation
  if (!Add.exec()) {
    if (Add.lastError().nativeErrorCode() == "40001")
      return Result::Retry;
    return Result::Failed;
  }
  return Result::Created;
}
