// Racy: both queries are built without a QSqlDatabase, so both run on the
// application's default connection. Seeding a feature flag this way from two
// processes starting at once can insert the flag twice.
// REQUIRES: pkg(Qt5Sql)
// ARGS: -- -std=c++17 -fPIC
#include <QtSql/QSqlQuery>

void seedFeatureFlag() {
  // note: sqlrace-check-then-insert existence of a 'feature_flags' row checked here, keyed on (name)
  QSqlQuery Find("SELECT 1 FROM feature_flags WHERE name = 'dark_mode'");
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Find.next()) {
    QSqlQuery Add;
    // expect: sqlrace-check-then-insert insert into 'feature_flags' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on feature_flags (name) and use the dialect's insert-if-absent form or handle the unique violation
    Add.exec("INSERT INTO feature_flags(name, enabled) VALUES ('dark_mode', 0)");
  }
}
