// Clean: SELECT ... FOR UPDATE inside BEGIN ... COMMIT locks the account row
// until COMMIT. A second transfer waits at its own FOR UPDATE and then reads
// the balance this one wrote, so no update is lost.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool deposit(PGconn *Conn, const char *AccountId, long Cents) {
  PQclear(PQexec(Conn, "BEGIN"));
  const char *Key[] = {AccountId};
  PGresult *Read = PQexecParams(Conn, "SELECT balance_cents FROM accounts WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    PQclear(PQexec(Conn, "ROLLBACK"));
    return false;
  }
  const long Balance = atol(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  const std::string NewBalance = std::to_string(Balance + Cents);
  const char *Params[] = {NewBalance.c_str(), AccountId};
  // ok: sqlrace-read-modify-write
  PQclear(PQexecParams(Conn, "UPDATE accounts SET balance_cents = $1 WHERE id = $2", 2, nullptr, Params, nullptr, nullptr, 0));
  PQclear(PQexec(Conn, "COMMIT"));
  return true;
}
