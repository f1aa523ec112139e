// Racy: the locking read runs inside BEGIN ... but the code commits (to keep
// transactions short) before it writes the new balance back. The COMMIT
// releases the row lock, so the UPDATE runs in autocommit mode on a value
// that another client may already have changed.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

void payInterest(PGconn *Conn, const char *AccountId, double Rate) {
  PQclear(PQexec(Conn, "BEGIN"));
  const char *Key[] = {AccountId};
  // note: sqlrace-read-modify-write 'balance' read from 'savings' here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT balance FROM savings WHERE id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  const long Balance = PQntuples(Read) == 1 ? atol(PQgetvalue(Read, 0, 0)) : 0;
  PQclear(Read);
  PQclear(PQexec(Conn, "COMMIT"));
  const std::string New = std::to_string(static_cast<long>(Balance * (1.0 + Rate)));
  const char *Params[] = {AccountId, New.c_str()};
  // expect: sqlrace-read-modify-write update of 'savings.balance' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write read the row with SELECT ... FOR UPDATE inside the transaction that writes it, or make the UPDATE conditional on the value read (AND balance = <value read> in its WHERE) and check how many rows it changed
  PQclear(PQexecParams(Conn, "UPDATE savings SET balance = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
