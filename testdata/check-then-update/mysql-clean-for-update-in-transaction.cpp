// Clean: START TRANSACTION, SELECT ... FOR UPDATE, the test, the UPDATE and
// COMMIT on the same connection. The order row stays locked until COMMIT; a
// concurrent refund waits and then sees 'shipped'.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool ship(MYSQL *Conn, long OrderId) {
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT status FROM orders WHERE id = %ld FOR UPDATE", OrderId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Paid = Row && strcmp(Row[0], "paid") == 0;
  mysql_free_result(Res);
  if (Paid) {
    snprintf(Sql, sizeof Sql, "UPDATE orders SET status = 'shipped' WHERE id = %ld", OrderId);
    // ok: sqlrace-check-then-update
    mysql_query(Conn, Sql);
  }
  return mysql_query(Conn, "COMMIT") == 0 && Paid;
}
