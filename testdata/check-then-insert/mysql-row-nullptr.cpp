// Racy: "no row" is tested as Row == nullptr, the C++ spelling of the
// NULL test in mysql-fetch-row-null.cpp; the race is the same.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void registerBin(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'bins' row checked here, keyed on (warehouse_id, label)
  mysql_query(Conn, "SELECT id FROM bins WHERE warehouse_id = 4 AND label = 'B-07'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  mysql_free_result(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Row == nullptr) {
    // expect: sqlrace-check-then-insert insert into 'bins' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO bins(warehouse_id, label) VALUES (4, 'B-07'), backed by a UNIQUE constraint on bins (warehouse_id, label) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE warehouse_id = warehouse_id is stricter)
    mysql_query(Conn, "INSERT INTO bins(warehouse_id, label) VALUES (4, 'B-07')");
  }
}
