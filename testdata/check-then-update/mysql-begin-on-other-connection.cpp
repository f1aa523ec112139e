// Racy: the transaction is opened on the reporting connection, not on the
// one that reads and updates the subscription. That connection stays in
// autocommit mode, its FOR UPDATE lock ends with the SELECT, and a
// cancellation can land before the downgrade.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

void expireTrial(MYSQL *Conn, MYSQL *Reporting, long SubscriptionId) {
  mysql_query(Reporting, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT plan FROM subscriptions WHERE id = %ld FOR UPDATE", SubscriptionId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (Row && strcmp(Row[0], "trial") == 0) {
    snprintf(Sql, sizeof Sql, "UPDATE subscriptions SET plan = 'free' WHERE id = %ld", SubscriptionId);
    // expect: sqlrace-check-then-update update of 'subscriptions' depends on a state read earlier...*
    mysql_query(Conn, Sql);
    mysql_query(Reporting, "INSERT INTO plan_changes (reason) VALUES ('trial expired')");
  }
  mysql_free_result(Res);
  mysql_query(Reporting, "COMMIT");
}
