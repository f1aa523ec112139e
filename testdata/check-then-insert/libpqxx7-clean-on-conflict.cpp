// Clean: the look-up only decides what to report; the write is
// INSERT ... ON CONFLICT (email) DO NOTHING, which the UNIQUE constraint
// makes atomic, so a concurrent signup cannot produce a second row.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

bool signUp(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work Tx(Conn);
  pqxx::result Found = Tx.exec_params("SELECT 1 FROM users WHERE email = $1", Email);
  if (!Found.empty())
    return false;
  // ok: sqlrace-check-then-insert
  pqxx::result Added = Tx.exec_params("INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING", Email);
  Tx.commit();
  return Added.affected_rows() == 1;
}
