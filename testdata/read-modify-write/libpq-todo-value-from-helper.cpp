// Known false negative: the balance is read by a helper function of the same
// file and the caller writes back balance - amount. It is the same lost update
// as libpq-balance-params-array.cpp, but the analysis is intraprocedural and
// the helper is not catalogued as a wrapper, so nothing is reported today.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

static long readBalance(PGconn *Conn, const char *AccountId) {
  const char *Key[] = {AccountId};
  PGresult *Read = PQexecParams(Conn, "SELECT balance FROM accounts WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const long Balance = PQntuples(Read) == 1 ? atol(PQgetvalue(Read, 0, 0)) : 0;
  PQclear(Read);
  return Balance;
}

void withdraw(PGconn *Conn, const char *AccountId, long Amount) {
  const std::string NewBalance = std::to_string(readBalance(Conn, AccountId) - Amount);
  const char *Params[] = {AccountId, NewBalance.c_str()};
  // todo-expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read...*
  PQclear(PQexecParams(Conn, "UPDATE accounts SET balance = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
