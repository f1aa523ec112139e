// Clean: BEGIN ISOLATION LEVEL SERIALIZABLE around the test and the UPDATE.
// If a cancellation commits in between, PostgreSQL fails this transaction
// with 40001 and the caller retries with fresh data.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool renew(PGconn *Conn, const char *SubscriptionId, const char *Until) {
  PQclear(PQexec(Conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
  const char *Key[] = {SubscriptionId};
  PGresult *Read = PQexecParams(Conn, "SELECT state FROM subscriptions WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Active = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "active";
  PQclear(Read);
  if (Active) {
    const char *Params[] = {SubscriptionId, Until};
    // ok: sqlrace-check-then-update
    PQclear(PQexecParams(Conn, "UPDATE subscriptions SET paid_until = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  }
  PGresult *Done = PQexec(Conn, "COMMIT");
  const bool Ok = PQresultStatus(Done) == PGRES_COMMAND_OK;
  PQclear(Done);
  return Ok;
}
