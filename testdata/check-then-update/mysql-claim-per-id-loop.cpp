// Racy: a dispatcher walks a batch of ticket ids; for each one it reads the
// assignee and assigns the ticket when nobody holds it (NULL in the fetched
// row). Two dispatchers working on overlapping batches both see NULL and
// both assign the ticket, the second overwriting the first.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <mysql.h>
#include <vector>

int assignBatch(MYSQL *Conn, const std::vector<long> &TicketIds, long AgentId) {
  int Assigned = 0;
  char Sql[200];
  for (long TicketId : TicketIds) {
    snprintf(Sql, sizeof Sql, "SELECT assignee_id FROM tickets WHERE id = %ld", TicketId);
    // note: sqlrace-check-then-update 'tickets' row read here, keyed on (id)
    // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
    if (mysql_query(Conn, Sql) != 0)
      continue;
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    const bool Unassigned = Row != nullptr && Row[0] == nullptr;
    mysql_free_result(Res);
    // note: sqlrace-check-then-update the path is decided here by a value read from that row
    if (!Unassigned)
      continue;
    snprintf(Sql, sizeof Sql, "UPDATE tickets SET assignee_id = %ld WHERE id = %ld", AgentId, TicketId);
    // expect: sqlrace-check-then-update update of 'tickets' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    // note: sqlrace-check-then-update SQL partly unknown at analysis time
    if (mysql_query(Conn, Sql) == 0)
      ++Assigned;
  }
  return Assigned;
}
