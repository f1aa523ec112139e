// Racy: the column is "Balance", a quoted mixed-case name; PostgreSQL would
// read a bare Balance as the column balance. The rewrite keeps the quotes
// on both sides. No fix-it: the C++ literal spells the quotes with escapes,
// so its bytes are not the SQL's.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

bool pay(pqxx::connection &Conn, int AccountId, long Amount) {
  pqxx::work W(Conn);
  // note: sqlrace-read-modify-write 'Balance' read from 'accounts' here, keyed on (id)
  pqxx::result R = W.exec_params("SELECT \"Balance\" FROM accounts WHERE id = $1", AccountId);
  if (R.empty())
    return false;
  const long Balance = R[0][0].as<long>();
  // expect: sqlrace-read-modify-write update of 'accounts.Balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE accounts SET "Balance" = "Balance" - $2 WHERE id = $1, binding the change instead of the new value
  W.exec_params("UPDATE accounts SET \"Balance\" = $2 WHERE id = $1", AccountId, Balance - Amount);
  W.commit();
  return true;
}
