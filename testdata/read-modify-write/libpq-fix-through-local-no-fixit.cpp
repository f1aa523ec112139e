// Racy, but no fix-it: the new balance is computed into a local string that
// the params array points at. Editing that local's initializer would change
// every other use of it, so the rewrite is not a local edit; the finding
// keeps the rewrite as a note, and the file has no .fixed.cpp golden.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool withdraw(PGconn *Conn, const char *AccountId, long Amount) {
  const char *Key[] = {AccountId};
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT balance FROM accounts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return false;
  }
  long Balance = atol(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  std::string Text = std::to_string(Balance - Amount);
  const char *Params[] = {AccountId, Text.c_str()};
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance - $2 WHERE id = $1, binding the change instead of the new value
  PGresult *Wrote = PQexecParams(Conn, "UPDATE accounts SET balance = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0);
  const bool Ok = PQresultStatus(Wrote) == PGRES_COMMAND_OK;
  PQclear(Wrote);
  return Ok;
}
