// Known false negative: the check's MYSQL_ROW is compared with nullptr, the
// C++ spelling of "no row". The same test written !Row or Row == NULL is
// recognised (mysql-fetch-row-null.cpp); with nullptr the branch is not tied
// to the check, and the race goes unreported.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void registerBin(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM bins WHERE warehouse_id = 4 AND label = 'B-07'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  mysql_free_result(Res);
  if (Row == nullptr) {
    // FIXME(analyzer): a MYSQL_ROW compared with nullptr (== or !=) is not read as the "row found" test; NULL and !Row are.
    // todo-expect: sqlrace-check-then-insert insert into 'bins' can race ...*
    mysql_query(Conn, "INSERT INTO bins(warehouse_id, label) VALUES (4, 'B-07')");
  }
}
