// Clean: the check runs on the reporting replica and the insert on the
// primary, two different QSqlDatabase connections, so the two statements
// are not a check-then-insert pair on one connection.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

bool logSearch(QSqlDatabase Replica, QSqlDatabase Primary, const QString &Term, bool &FirstTime) {
  QSqlQuery Find(Replica);
  Find.prepare("SELECT 1 FROM search_terms WHERE term = :term");
  Find.bindValue(":term", Term);
  Find.exec();
  FirstTime = !Find.next();
  if (FirstTime) {
    QSqlQuery Add(Primary);
    Add.prepare("INSERT INTO search_terms(term) VALUES (:term)");
    Add.bindValue(":term", Term);
    // ok: sqlrace-check-then-insert
    return Add.exec();
  }
  return true;
}
