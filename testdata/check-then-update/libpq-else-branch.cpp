// Racy: the renewal runs on the else side of a test of the subscription's
// state. A cancellation committed between the SELECT and the UPDATE is
// ignored, and the customer is billed for another period.
// REQUIRES: pkg(libpq)
#include <cstdio>
#include <libpq-fe.h>
#include <string>

void renew(PGconn *Conn, const char *SubscriptionId, const char *Until) {
  const char *Key[] = {SubscriptionId};
  PGresult *Read = PQexecParams(Conn, "SELECT state FROM subscriptions WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 0) {
    PQclear(Read);
    return;
  }
  const std::string State = PQgetvalue(Read, 0, 0);
  PQclear(Read);
  if (State == "cancelled") {
    std::printf("subscription %s was cancelled, not renewing\n", SubscriptionId);
  } else {
    const char *Params[] = {SubscriptionId, Until};
    // expect: sqlrace-check-then-update update of 'subscriptions' depends on a state read earlier...*
    PQclear(PQexecParams(Conn, "UPDATE subscriptions SET paid_until = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  }
}
