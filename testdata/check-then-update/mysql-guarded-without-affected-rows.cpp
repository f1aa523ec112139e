// Racy: the UPDATE restates the state it depends on (AND state = 'pending'),
// but the code never calls mysql_affected_rows(). When a cancellation wins,
// 0 rows change and the caller still sends the "approved" notification.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool approve(MYSQL *Conn, long RequestId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT state FROM leave_requests WHERE id = %ld", RequestId);
  // note: sqlrace-check-then-update 'leave_requests' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Pending = Row && strcmp(Row[0], "pending") == 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Pending)
    return false;
  snprintf(Sql, sizeof Sql, "UPDATE leave_requests SET state = 'approved' WHERE id = %ld AND state = 'pending'", RequestId);
  // expect: sqlrace-check-then-update update of 'leave_requests' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  // note: sqlrace-check-then-update SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
