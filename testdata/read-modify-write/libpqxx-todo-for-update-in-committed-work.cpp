// Known false negative: the SELECT ... FOR UPDATE runs in one pqxx::work that
// is committed right away, and the UPDATE in a second work on the same
// connection. The row lock ends with the first commit(), so a concurrent
// payment can still slip in between: the lock protects nothing here.
// FIXME(analyzer): a FOR UPDATE read is accepted as protection although its
// transaction object committed before the UPDATE's transaction began.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void pay(pqxx::connection &Conn, int AccountId, long Amount) {
  long Balance = 0;
  {
    pqxx::work Read(Conn);
    pqxx::result R = Read.exec_params("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", AccountId);
    Balance = R[0][0].as<long>();
    Read.commit();
  }
  pqxx::work Write(Conn);
  // todo-expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read...*
  Write.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1", AccountId, Balance - Amount);
  Write.commit();
}
