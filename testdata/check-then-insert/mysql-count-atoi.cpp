// Racy: a COUNT(*) is read with atoi(row[0]) from mysql_fetch_row(), and the
// insert runs when the count is 0. Two clients can both count 0 and both
// insert.
// REQUIRES: pkg(libmariadb)
#include <cstdlib>
#include <mysql.h>

void seedPlan(MYSQL *Conn) {
  mysql_query(Conn, "SELECT COUNT(*) FROM plans WHERE code = 'free'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (atoi(Row[0]) == 0) {
    // expect: sqlrace-check-then-insert insert into 'plans' can race ...*
    mysql_query(Conn, "INSERT INTO plans(code, price_cents) VALUES ('free', 0)");
  }
  mysql_free_result(Res);
}
