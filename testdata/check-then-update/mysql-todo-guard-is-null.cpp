// Known false positive: a dispatcher assigns the tickets that nobody holds
// (assignee_id read as NULL). The UPDATE restates the test
// (AND assignee_id IS NULL), the SET always changes the row, and
// mysql_affected_rows() tells whether this dispatcher got the ticket, so a
// ticket taken in between is simply skipped. This is a correct
// compare-and-set, but only equality conditions are understood as re-checks
// today, and IS NULL is not one, so the WHERE looks unguarded.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <mysql.h>
#include <vector>

int assignBatch(MYSQL *Conn, const std::vector<long> &TicketIds, long AgentId) {
  int Assigned = 0;
  char Sql[200];
  for (long TicketId : TicketIds) {
    snprintf(Sql, sizeof Sql, "SELECT assignee_id FROM tickets WHERE id = %ld", TicketId);
    if (mysql_query(Conn, Sql) != 0)
      continue;
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    const bool Unassigned = Row != nullptr && Row[0] == nullptr;
    mysql_free_result(Res);
    if (!Unassigned)
      continue;
    snprintf(Sql, sizeof Sql, "UPDATE tickets SET assignee_id = %ld WHERE id = %ld AND assignee_id IS NULL", AgentId, TicketId);
    // FIXME(analyzer): an IS NULL condition in the UPDATE's WHERE is not counted as a re-check, so this guarded UPDATE with its affected-row count read is still reported.
    // todo-ok: sqlrace-check-then-update update of 'tickets' depends on a state read earlier...*
    if (mysql_query(Conn, Sql) == 0 && mysql_affected_rows(Conn) == 1)
      ++Assigned;
  }
  return Assigned;
}
