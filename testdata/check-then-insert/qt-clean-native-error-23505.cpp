// Clean: when the INSERT fails, lastError().nativeErrorCode() is compared
// with "23505" (unique_violation), so a duplicate created by a concurrent
// client between the check and the insert is recognised and handled.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

enum class Result { Created, Exists, Failed };

Result createTag(QSqlDatabase Db, const QString &Name) {
  QSqlQuery Find(Db);
  Find.prepare("SELECT id FROM tags WHERE name = :name");
  Find.bindValue(":name", Name);
  Find.exec();
  if (Find.next())
    return Result::Exists;
  QSqlQuery Add(Db);
  Add.prepare("INSERT INTO tags(name) VALUES (:name)");
  Add.bindValue(":name", Name);
  // ok: sqlrace-check-then-insert
  if (!Add.exec()) {
    if (Add.lastError().nativeErrorCode() == "23505")
      return Result::Exists; // created concurrently
    return Result::Failed;
  }
  return Result::Created;
}
