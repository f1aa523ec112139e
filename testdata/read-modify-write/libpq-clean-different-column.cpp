// Clean: the monthly reset reads the plan's quota and writes it into another
// column, remaining_calls. The written value does not derive from the column
// it replaces, so there is no earlier value of remaining_calls to lose.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

void resetQuota(PGconn *Conn, const char *SubscriptionId) {
  const char *Key[] = {SubscriptionId};
  PGresult *Read = PQexecParams(Conn, "SELECT monthly_quota FROM subscriptions WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return;
  }
  const std::string Quota = PQgetvalue(Read, 0, 0);
  PQclear(Read);
  const char *Params[] = {SubscriptionId, Quota.c_str()};
  // ok: sqlrace-read-modify-write
  PQclear(PQexecParams(Conn, "UPDATE subscriptions SET remaining_calls = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
