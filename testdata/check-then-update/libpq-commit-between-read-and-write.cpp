// Racy: the subscription row is locked with SELECT ... FOR UPDATE inside
// BEGIN, but COMMIT is sent right after the test, before the UPDATE. The
// lock ends at COMMIT: a cancellation can land before the renewal is written.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool renew(PGconn *Conn, const char *SubscriptionId, const char *Until) {
  PQclear(PQexec(Conn, "BEGIN"));
  const char *Key[] = {SubscriptionId};
  // note: sqlrace-check-then-update 'subscriptions' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT state FROM subscriptions WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Active = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "active";
  PQclear(Read);
  PQclear(PQexec(Conn, "COMMIT"));
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Active)
    return false;
  const char *Params[] = {SubscriptionId, Until};
  // expect: sqlrace-check-then-update update of 'subscriptions' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  PQclear(PQexecParams(Conn, "UPDATE subscriptions SET paid_until = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
