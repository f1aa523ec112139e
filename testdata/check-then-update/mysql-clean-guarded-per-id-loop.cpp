// Clean: a dispatcher walks a batch of ticket ids and assigns the open
// ones. The test is folded into the UPDATE (AND state = 'open'), the SET
// always changes the row, and mysql_affected_rows() counts only the tickets
// this dispatcher really got: a ticket taken by another dispatcher in
// between changes 0 rows.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>
#include <vector>

int assignBatch(MYSQL *Conn, const std::vector<long> &TicketIds, long AgentId) {
  int Assigned = 0;
  char Sql[200];
  for (long TicketId : TicketIds) {
    snprintf(Sql, sizeof Sql, "SELECT state FROM tickets WHERE id = %ld", TicketId);
    if (mysql_query(Conn, Sql) != 0)
      continue;
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    const bool Open = Row != nullptr && strcmp(Row[0], "open") == 0;
    mysql_free_result(Res);
    if (!Open)
      continue;
    snprintf(Sql, sizeof Sql, "UPDATE tickets SET state = 'assigned', assignee_id = %ld WHERE id = %ld AND state = 'open'", AgentId, TicketId);
    // ok: sqlrace-check-then-update
    if (mysql_query(Conn, Sql) == 0 && mysql_affected_rows(Conn) == 1)
      ++Assigned;
  }
  return Assigned;
}
