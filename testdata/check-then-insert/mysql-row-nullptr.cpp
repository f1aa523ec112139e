// Racy: "no row" is tested as Row == nullptr, the C++ spelling of the
// NULL test in mysql-fetch-row-null.cpp; the race is the same.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void registerBin(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM bins WHERE warehouse_id = 4 AND label = 'B-07'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  mysql_free_result(Res);
  if (Row == nullptr) {
    // expect: sqlrace-check-then-insert insert into 'bins' can race ...*
    mysql_query(Conn, "INSERT INTO bins(warehouse_id, label) VALUES (4, 'B-07')");
  }
}
