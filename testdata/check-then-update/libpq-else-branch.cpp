// Racy: the renewal runs on the else side of a test of the subscription's
// state. A cancellation committed between the SELECT and the UPDATE is
// ignored, and the customer is billed for another period.
// REQUIRES: pkg(libpq)
#include <cstdio>
#include <libpq-fe.h>
#include <string>

void renew(PGconn *Conn, const char *SubscriptionId, const char *Until) {
  const char *Key[] = {SubscriptionId};
  // note: sqlrace-check-then-update 'subscriptions' row read here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT state FROM subscriptions WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 0) {
    PQclear(Read);
    return;
  }
  const std::string State = PQgetvalue(Read, 0, 0);
  PQclear(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (State == "cancelled") {
    std::printf("subscription %s was cancelled, not renewing\n", SubscriptionId);
  } else {
    const char *Params[] = {SubscriptionId, Until};
    // expect: sqlrace-check-then-update update of 'subscriptions' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    PQclear(PQexecParams(Conn, "UPDATE subscriptions SET paid_until = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  }
}
