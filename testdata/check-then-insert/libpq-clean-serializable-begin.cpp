// Clean: check and insert run in one transaction opened with BEGIN ISOLATION
// LEVEL SERIALIZABLE. If two transactions both see "no row" and insert,
// PostgreSQL aborts one of them with 40001, so only one row commits.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool addDomain(PGconn *Conn, const char *Host) {
  const char *Params[] = {Host};
  PQclear(PQexec(Conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM domains WHERE host = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  const bool Known = PQntuples(Res) > 0;
  PQclear(Res);
  if (!Known) {
    // ok: sqlrace-check-then-insert
    PQclear(PQexecParams(Conn, "INSERT INTO domains(host) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PGresult *Done = PQexec(Conn, "COMMIT");
  const bool Committed = PQresultStatus(Done) == PGRES_COMMAND_OK;
  PQclear(Done);
  return Committed && !Known;
}
