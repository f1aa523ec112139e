// Racy: START TRANSACTION is sent after the status was read and tested. The
// transaction makes the UPDATE and the INSERT of the invoice atomic with
// each other, but the test ran before it, in autocommit mode.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool invoice(MYSQL *Conn, long OrderId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT status FROM orders WHERE id = %ld FOR UPDATE", OrderId);
  // note: sqlrace-check-then-update 'orders' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Delivered = Row && strcmp(Row[0], "delivered") == 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Delivered)
    return false;
  mysql_query(Conn, "START TRANSACTION");
  snprintf(Sql, sizeof Sql, "UPDATE orders SET status = 'invoiced' WHERE id = %ld", OrderId);
  // expect: sqlrace-check-then-update update of 'orders' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-check-then-update SQL partly unknown at analysis time
  mysql_query(Conn, Sql);
  snprintf(Sql, sizeof Sql, "INSERT INTO invoices (order_id) VALUES (%ld)", OrderId);
  mysql_query(Conn, Sql);
  return mysql_query(Conn, "COMMIT") == 0;
}
