// Clean: pqxx::transaction<pqxx::repeatable_read>. In PostgreSQL the UPDATE of
// a row that another transaction changed after this one's snapshot fails with
// 40001, so a ticket claimed by someone else in between is never stolen.
// (Not true for MySQL/MariaDB, whose REPEATABLE READ lets the UPDATE through.)
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool claim(pqxx::connection &Conn, int TicketId, int AgentId) {
  pqxx::transaction<pqxx::repeatable_read> T(Conn);
  pqxx::result R = T.exec_params("SELECT status FROM tickets WHERE id = $1", TicketId);
  if (R.empty() || R[0][0].as<std::string>() != "open")
    return false;
  // ok: sqlrace-check-then-update
  T.exec_params("UPDATE tickets SET status = 'assigned', assignee = $2 WHERE id = $1", TicketId, AgentId);
  T.commit();
  return true;
}
