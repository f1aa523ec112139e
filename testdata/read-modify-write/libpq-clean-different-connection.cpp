// Clean: a one-off migration copies balances from the legacy database into
// the new one. The read and the write use two different connections (two
// databases), so the UPDATE does not write back the row it read.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

void migrateBalance(PGconn *Legacy, PGconn *Current, const char *AccountId, long BonusCents) {
  const char *Key[] = {AccountId};
  PGresult *Read = PQexecParams(Legacy, "SELECT balance FROM accounts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return;
  }
  const long Balance = atol(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  const std::string Migrated = std::to_string(Balance + BonusCents);
  const char *Params[] = {AccountId, Migrated.c_str()};
  // ok: sqlrace-read-modify-write
  PQclear(PQexecParams(Current, "UPDATE accounts SET balance = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
