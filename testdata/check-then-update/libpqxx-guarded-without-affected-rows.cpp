// Racy: the UPDATE restates the state (AND status = 'open'), but the result's
// affected_rows() is never read. When another agent claimed the ticket first,
// 0 rows change and this agent is still told the ticket is theirs.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool claim(pqxx::connection &Conn, int TicketId, int AgentId) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-update 'tickets' row read here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT status FROM tickets WHERE id = $1", TicketId);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (R.empty() || R[0][0].as<std::string>() != "open")
    return false;
  // expect: sqlrace-check-then-update update of 'tickets' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  W.exec_params("UPDATE tickets SET status = 'assigned', assignee = $2 WHERE id = $1 AND status = 'open'", TicketId, AgentId);
  W.commit();
  return true;
}
