// Clean: the state of the order decides, but the UPDATE writes another
// table (the customer's last-order timestamp), whose row the test says
// nothing about.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

void noteOrder(MYSQL *Conn, long OrderId, long CustomerId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT status FROM orders WHERE id = %ld", OrderId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (Row && strcmp(Row[0], "paid") == 0) {
    snprintf(Sql, sizeof Sql, "UPDATE customers SET last_order_at = NOW() WHERE id = %ld", CustomerId);
    // ok: sqlrace-check-then-update
    mysql_query(Conn, Sql);
  }
  mysql_free_result(Res);
}
