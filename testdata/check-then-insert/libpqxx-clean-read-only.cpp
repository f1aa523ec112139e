// Clean: the same existence check as a signup, but nothing is written
// afterwards; the function only answers "is this address free?". A stale
// answer is possible, yet there is no insert to duplicate.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool emailAvailable(pqxx::connection &Conn, const std::string &Email) {
  pqxx::read_transaction T(Conn);
  // ok: sqlrace-check-then-insert
  pqxx::result R = T.exec_params("SELECT 1 FROM users WHERE email = $1", Email);
  return R.empty();
}
