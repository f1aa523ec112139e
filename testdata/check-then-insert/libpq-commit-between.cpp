// Racy: the check runs in a SERIALIZABLE transaction, but that transaction is
// committed before the INSERT, which then runs in autocommit. The protection
// ends with the COMMIT, and the gap before the insert is open to other clients.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void addDomain(PGconn *Conn, const char *Host) {
  const char *Params[] = {Host};
  PQclear(PQexec(Conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
  // note: sqlrace-check-then-insert existence of a 'domains' row checked here, keyed on (host)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM domains WHERE host = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  const bool Known = PQntuples(Res) > 0;
  PQclear(Res);
  PQclear(PQexec(Conn, "COMMIT"));
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Known) {
    // expect: sqlrace-check-then-insert insert into 'domains' can race ...*
    // note: sqlrace-check-then-insert the transaction that protected the check ended before this statement
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): ...*
    PQclear(PQexecParams(Conn, "INSERT INTO domains(host) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
}
