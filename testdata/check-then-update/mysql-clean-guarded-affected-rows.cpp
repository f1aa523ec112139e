// Clean: the UPDATE restates the state it depends on (AND state = 'pending')
// and mysql_affected_rows() decides. The SET always changes the row
// ('pending' becomes 'approved'), so MySQL's count of changed rows is 1 on
// success and 0 only when a cancellation won.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool approve(MYSQL *Conn, long RequestId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT state FROM leave_requests WHERE id = %ld", RequestId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Pending = Row && strcmp(Row[0], "pending") == 0;
  mysql_free_result(Res);
  if (!Pending)
    return false;
  snprintf(Sql, sizeof Sql, "UPDATE leave_requests SET state = 'approved' WHERE id = %ld AND state = 'pending'", RequestId);
  // ok: sqlrace-check-then-update
  if (mysql_query(Conn, Sql) != 0)
    return false;
  return mysql_affected_rows(Conn) == 1;
}
