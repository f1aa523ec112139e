// Clean: the read and the write run in one pqxx::transaction<pqxx::serializable>
// (the libpqxx 6.4 spelling). If another client changes the row in between,
// PostgreSQL aborts this transaction with 40001 instead of losing its update;
// the caller retries.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void refund(pqxx::connection &Conn, int CustomerId, long Cents) {
  pqxx::transaction<pqxx::serializable> T(Conn);
  pqxx::result R = T.exec_params("SELECT credit_cents FROM customers WHERE id = $1", CustomerId);
  const long Credit = R[0][0].as<long>();
  // ok: sqlrace-read-modify-write
  T.exec_params("UPDATE customers SET credit_cents = $2 WHERE id = $1", CustomerId, Credit + Cents);
  T.commit();
}
