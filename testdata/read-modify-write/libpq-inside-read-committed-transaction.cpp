// Racy: the read and the write share a BEGIN ... COMMIT block, but the SELECT
// takes no row lock and PostgreSQL's default isolation is READ COMMITTED. A
// second transfer can commit between the SELECT and the UPDATE, and this
// UPDATE then overwrites its balance.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool deposit(PGconn *Conn, const char *AccountId, long Cents) {
  PQclear(PQexec(Conn, "BEGIN"));
  const char *Key[] = {AccountId};
  // note: sqlrace-read-modify-write 'balance_cents' read from 'accounts' here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT balance_cents FROM accounts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    PQclear(PQexec(Conn, "ROLLBACK"));
    return false;
  }
  const long Balance = atol(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  const std::string NewBalance = std::to_string(Balance + Cents);
  const char *Params[] = {NewBalance.c_str(), AccountId};
  // expect: sqlrace-read-modify-write update of 'accounts.balance_cents' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance_cents = balance_cents + $1 WHERE id = $2, binding the change instead of the new value
  PQclear(PQexecParams(Conn, "UPDATE accounts SET balance_cents = $1 WHERE id = $2", 2, nullptr, Params, nullptr, nullptr, 0));
  PQclear(PQexec(Conn, "COMMIT"));
  return true;
}
