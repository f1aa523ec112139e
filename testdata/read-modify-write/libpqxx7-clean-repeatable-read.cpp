// Clean: read and write run in one
// pqxx::transaction<pqxx::isolation_level::repeatable_read>. In PostgreSQL
// a REPEATABLE READ transaction that updates a row another transaction
// changed after its snapshot fails with a serialization error (40001)
// instead of losing that update.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

void addCredit(pqxx::connection &Conn, int CustomerId, long Cents) {
  pqxx::transaction<pqxx::isolation_level::repeatable_read> Tx(Conn);
  const long Credit = Tx.exec_params1("SELECT credit_cents FROM customers WHERE id = $1", CustomerId)[0].as<long>();
  // ok: sqlrace-read-modify-write
  Tx.exec_params("UPDATE customers SET credit_cents = $2 WHERE id = $1", CustomerId, Credit + Cents);
  Tx.commit();
}
