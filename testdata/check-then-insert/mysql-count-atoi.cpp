// Racy: a COUNT(*) is read with atoi(row[0]) from mysql_fetch_row(), and the
// insert runs when the count is 0. Two clients can both count 0 and both
// insert.
// REQUIRES: pkg(libmariadb)
#include <cstdlib>
#include <mysql.h>

void seedPlan(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'plans' row checked here, keyed on (code)
  mysql_query(Conn, "SELECT COUNT(*) FROM plans WHERE code = 'free'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (atoi(Row[0]) == 0) {
    // expect: sqlrace-check-then-insert insert into 'plans' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO plans(code, price_cents) VALUES ('free', 0), backed by a UNIQUE constraint on plans (code) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE code = code is stricter)
    mysql_query(Conn, "INSERT INTO plans(code, price_cents) VALUES ('free', 0)");
  }
  mysql_free_result(Res);
}
