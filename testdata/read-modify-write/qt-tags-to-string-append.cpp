// Racy: the comma-separated tag list is read with value(0).toString(), a
// tag is appended in C++ and the whole list is written back. Two editors
// tagging the same post at once both start from the old list, and the
// second write drops the first editor's tag.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool addTag(QSqlDatabase Db, int PostId, const QString &Tag) {
  QSqlQuery Read(Db);
  Read.prepare("SELECT tags FROM posts WHERE id = :id");
  Read.bindValue(":id", PostId);
  // note: sqlrace-read-modify-write 'tags' read from 'posts' here, keyed on (id)
  Read.exec();
  if (!Read.next())
    return false;
  QString Tags = Read.value(0).toString();
  if (!Tags.isEmpty())
    Tags += ",";
  Tags += Tag;

  QSqlQuery Write(Db);
  Write.prepare("UPDATE posts SET tags = :tags WHERE id = :id");
  Write.bindValue(":tags", Tags);
  Write.bindValue(":id", PostId);
  // expect: sqlrace-read-modify-write update of 'posts.tags' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND tags = <value read> in its WHERE) and check how many rows it changed
  return Write.exec();
}
