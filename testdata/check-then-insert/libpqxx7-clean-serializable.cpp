// Clean: check and insert run in one
// pqxx::transaction<pqxx::isolation_level::serializable> (the libpqxx 7
// spelling). PostgreSQL aborts one of two concurrent transactions that both
// saw "no row" with a serialization failure (40001).
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

bool claimHandle(pqxx::connection &Conn, const std::string &Handle, int UserId) {
  pqxx::transaction<pqxx::isolation_level::serializable> Tx(Conn);
  if (!Tx.exec_params("SELECT 1 FROM handles WHERE handle = $1", Handle).empty())
    return false;
  // ok: sqlrace-check-then-insert
  Tx.exec_params("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  Tx.commit();
  return true;
}
