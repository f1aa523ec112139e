// Racy: the subscription row is locked with SELECT ... FOR UPDATE inside
// BEGIN, but COMMIT is sent right after the test, before the UPDATE. The
// lock ends at COMMIT: a cancellation can land before the renewal is written.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool renew(PGconn *Conn, const char *SubscriptionId, const char *Until) {
  PQclear(PQexec(Conn, "BEGIN"));
  const char *Key[] = {SubscriptionId};
  PGresult *Read = PQexecParams(Conn, "SELECT state FROM subscriptions WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Active = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "active";
  PQclear(Read);
  PQclear(PQexec(Conn, "COMMIT"));
  if (!Active)
    return false;
  const char *Params[] = {SubscriptionId, Until};
  // expect: sqlrace-check-then-update update of 'subscriptions' depends on a state read earlier...*
  PQclear(PQexecParams(Conn, "UPDATE subscriptions SET paid_until = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
