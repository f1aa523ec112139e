// Clean: after the lookup, the INSERT uses ON CONFLICT (email) DO NOTHING,
// backed by the UNIQUE constraint on users(email). Even if a concurrent
// transaction inserts the address after the check, no duplicate is created.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool signUp(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT 1 FROM users WHERE email = $1", Email);
  bool Created = false;
  if (R.empty()) {
    // ok: sqlrace-check-then-insert
    pqxx::result Ins = W.exec_params("INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING", Email);
    Created = Ins.affected_rows() == 1;
  }
  W.commit();
  return Created;
}
