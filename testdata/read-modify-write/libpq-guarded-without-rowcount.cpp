// Racy: the UPDATE restates the balance it read (AND balance = $3), which is
// the right idea, but the code never asks PQcmdTuples() how many rows changed.
// When another client got there first the UPDATE changes 0 rows and the
// withdrawal is reported as done although nothing was written.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool payOut(PGconn *Conn, const char *WalletId, long Amount) {
  const char *Key[] = {WalletId};
  // note: sqlrace-read-modify-write 'balance' read from 'wallets' here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT balance FROM wallets WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return false;
  }
  const std::string Old = PQgetvalue(Read, 0, 0);
  const long Balance = atol(Old.c_str());
  PQclear(Read);
  if (Balance < Amount)
    return false;
  const std::string New = std::to_string(Balance - Amount);
  const char *Params[] = {WalletId, New.c_str(), Old.c_str()};
  // expect: sqlrace-read-modify-write update of 'wallets.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE wallets SET balance = balance - $2 WHERE id = $1 AND balance = $3, binding the change instead of the new value
  PGresult *Wrote = PQexecParams(Conn, "UPDATE wallets SET balance = $2 WHERE id = $1 AND balance = $3", 3, nullptr, Params, nullptr, nullptr, 0);
  const bool Ok = PQresultStatus(Wrote) == PGRES_COMMAND_OK;
  PQclear(Wrote);
  return Ok;
}
