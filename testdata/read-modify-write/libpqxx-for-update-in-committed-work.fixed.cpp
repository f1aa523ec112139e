// Racy: the SELECT ... FOR UPDATE runs in one pqxx::work that is committed
// right away, and the UPDATE in a second work on the same connection. The row
// lock ends with the first commit(), so a concurrent payment can still slip
// in between: the lock protects nothing here.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void pay(pqxx::connection &Conn, int AccountId, long Amount) {
  long Balance = 0;
  {
    pqxx::work Read(Conn);
    // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
    pqxx::result R = Read.exec_params("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", AccountId);
    Balance = R[0][0].as<long>();
    Read.commit();
  }
  pqxx::work Write(Conn);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET balance = balance - $2 WHERE id = $1, binding the change instead of the new value
  Write.exec_params("UPDATE accounts SET balance = balance - $2 WHERE id = $1", AccountId, Amount);
  Write.commit();
}
