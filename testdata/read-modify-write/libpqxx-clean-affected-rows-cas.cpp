// Clean: compare-and-set. The new balance is written only if the row still
// holds the balance that was read (AND balance = $3), and affected_rows() of
// that UPDATE tells the caller whether it won; on 0 it re-reads and retries.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

bool tryPay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT balance FROM accounts WHERE id = $1", AccountId);
  if (R.empty())
    return false;
  const long Balance = R[0][0].as<long>();
  // ok: sqlrace-read-modify-write
  pqxx::result U = W.exec_params("UPDATE accounts SET balance = $2 WHERE id = $1 AND balance = $3", AccountId, Balance - Amount, Balance);
  if (U.affected_rows() != 1)
    return false;
  W.commit();
  return true;
}
