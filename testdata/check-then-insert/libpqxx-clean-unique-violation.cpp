// Clean: the INSERT is wrapped in try/catch for pqxx::unique_violation. When a
// concurrent signup wins the race, the UNIQUE constraint on users(email)
// rejects the second row and the exception is turned into "already taken".
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool signUp(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT 1 FROM users WHERE email = $1", Email);
  if (!R.empty())
    return false;
  try {
    // ok: sqlrace-check-then-insert
    W.exec_params("INSERT INTO users(email) VALUES ($1)", Email);
    W.commit();
  } catch (const pqxx::unique_violation &) {
    return false;
  }
  return true;
}
