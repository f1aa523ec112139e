// Racy: support agents claim tickets through prepared statements. The status
// is tested for 'open' in C++; two agents who click at once both see 'open'
// and both UPDATE, and the second silently steals the ticket.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool claim(pqxx::connection &Conn, int TicketId, int AgentId) {
  Conn.prepare("ticket_status", "SELECT status FROM tickets WHERE id = $1");
  Conn.prepare("claim_ticket", "UPDATE tickets SET status = 'assigned', assignee = $2 WHERE id = $1");
  pqxx::work W(Conn);
  // note: sqlrace-check-then-update 'tickets' row read here, keyed on (id)
  pqxx::result R = W.exec_prepared("ticket_status", TicketId);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (R.empty() || R[0][0].as<std::string>() != "open")
    return false;
  // expect: sqlrace-check-then-update update of 'tickets' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  W.exec_prepared("claim_ticket", TicketId, AgentId);
  W.commit();
  return true;
}
