// Clean: BEGIN ISOLATION LEVEL REPEATABLE READ around the test and the
// UPDATE. In PostgreSQL, if another client changes the ticket after this
// transaction's snapshot, this UPDATE fails with 40001 and the caller
// retries with the new state. (Not so in MySQL/MariaDB, see
// mysql-repeatable-read-plain-read.cpp.)
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool closeTicket(PGconn *Conn, const char *TicketId) {
  PQclear(PQexec(Conn, "BEGIN ISOLATION LEVEL REPEATABLE READ"));
  const char *Key[] = {TicketId};
  PGresult *Read = PQexecParams(Conn, "SELECT state FROM tickets WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Resolved = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "resolved";
  PQclear(Read);
  if (!Resolved) {
    PQclear(PQexec(Conn, "ROLLBACK"));
    return false;
  }
  // ok: sqlrace-check-then-update
  PQclear(PQexecParams(Conn, "UPDATE tickets SET state = 'closed' WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  PGresult *Done = PQexec(Conn, "COMMIT");
  const bool Ok = PQresultStatus(Done) == PGRES_COMMAND_OK;
  PQclear(Done);
  return Ok;
}
