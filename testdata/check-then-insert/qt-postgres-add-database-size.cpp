// Racy: the file opens its database with QSqlDatabase::addDatabase("QPSQL"),
// so its SQL is PostgreSQL's. The lookup's QSqlQuery::size() == 0 means no
// row (the PostgreSQL driver reports sizes; SQLite's would say -1); the
// insert follows. Two clients can both see no row and both insert, and the
// rewrite offered is PostgreSQL's. In reserve() the insert says ON CONFLICT
// DO NOTHING: the database decides, nothing races.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

QSqlDatabase open(const QString &Path) {
  QSqlDatabase Db = QSqlDatabase::addDatabase("QPSQL");
  Db.setDatabaseName(Path);
  Db.open();
  return Db;
}

void addNickname(QSqlDatabase Db, const QString &Nick) {
  QSqlQuery Find(Db);
  Find.prepare("SELECT 1 FROM nicknames WHERE nick = ?");
  Find.addBindValue(Nick);
  // note: sqlrace-check-then-insert existence of a 'nicknames' row checked here, keyed on (nick)
  Find.exec();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.size() == 0) {
    QSqlQuery Add(Db);
    Add.prepare("INSERT INTO nicknames(nick) VALUES (?)");
    Add.addBindValue(Nick);
    // expect: sqlrace-check-then-insert insert into 'nicknames' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO nicknames(nick) VALUES (?) ON CONFLICT (nick) DO NOTHING, backed by a UNIQUE constraint on nicknames (nick)
    Add.exec();
  }
}

void reserve(QSqlDatabase Db, const QString &Nick) {
  QSqlQuery Find(Db);
  Find.prepare("SELECT 1 FROM nicknames WHERE nick = ?");
  Find.addBindValue(Nick);
  Find.exec();
  if (Find.size() == 0) {
    QSqlQuery Add(Db);
    Add.prepare("INSERT INTO nicknames(nick) VALUES (?) ON CONFLICT (nick) DO NOTHING");
    Add.addBindValue(Nick);
    // ok: sqlrace-check-then-insert
    Add.exec();
  }
}
