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
  // note: sqlrace-check-then-update 'subscriptions' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Row && strcmp(Row[0], "trial") == 0) {
    snprintf(Sql, sizeof Sql, "UPDATE subscriptions SET plan = 'free' WHERE id = %ld", SubscriptionId);
    // expect: sqlrace-check-then-update update of 'subscriptions' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    // note: sqlrace-check-then-update SQL partly unknown at analysis time
    mysql_query(Conn, Sql);
    mysql_query(Reporting, "INSERT INTO plan_changes (reason) VALUES ('trial expired')");
  }
  mysql_free_result(Res);
  mysql_query(Reporting, "COMMIT");
}
