// Racy: both queries are built without a QSqlDatabase, so both run on the
// application's default connection. Seeding a feature flag this way from two
// processes starting at once can insert the flag twice.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtSql/QSqlQuery>

void seedFeatureFlag() {
  QSqlQuery Find("SELECT 1 FROM feature_flags WHERE name = 'dark_mode'");
  if (!Find.next()) {
    QSqlQuery Add;
    // expect: sqlrace-check-then-insert insert into 'feature_flags' ...*
    Add.exec("INSERT INTO feature_flags(name, enabled) VALUES ('dark_mode', 0)");
  }
}
