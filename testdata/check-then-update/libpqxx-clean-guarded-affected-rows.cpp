// Clean: the claim restates the state in its WHERE (AND status = 'open') and
// affected_rows() of that UPDATE decides the answer: if another agent won, 0
// rows change and this agent is told so.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool claim(pqxx::connection &Conn, int TicketId, int AgentId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT status FROM tickets WHERE id = $1", TicketId);
  if (R.empty() || R[0][0].as<std::string>() != "open")
    return false;
  // ok: sqlrace-check-then-update
  pqxx::result U = W.exec_params("UPDATE tickets SET status = 'assigned', assignee = $2 WHERE id = $1 AND status = 'open'", TicketId, AgentId);
  if (U.affected_rows() != 1)
    return false;
  W.commit();
  return true;
}
