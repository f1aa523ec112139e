// Clean: the counter is changed by the server itself (SET hits = hits + 1).
// InnoDB's UPDATE reads the latest committed row even under REPEATABLE READ,
// so two increments give +2. The value read before is only displayed.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

long countView(MYSQL *Conn, long PageId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT hits FROM page_views WHERE page_id = %ld", PageId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const long Shown = Row ? atol(Row[0]) : 0;
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE page_views SET hits = hits + 1 WHERE page_id = %ld", PageId);
  // ok: sqlrace-read-modify-write
  mysql_query(Conn, Sql);
  return Shown + 1;
}
