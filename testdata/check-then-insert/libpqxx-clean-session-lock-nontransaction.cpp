// Clean: a pqxx::nontransaction takes a session-level pg_advisory_lock()
// before the check and releases it after the insert. The lock outlives the
// autocommit statements in between, so seeders of the same currency queue up.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void seedCurrency(pqxx::connection &Conn, const std::string &Code, int Digits) {
  pqxx::nontransaction N(Conn);
  N.exec("SELECT pg_advisory_lock(31337)");
  if (N.exec_params("SELECT 1 FROM currencies WHERE code = $1", Code).empty()) {
    // ok: sqlrace-check-then-insert
    N.exec_params("INSERT INTO currencies(code, minor_digits) VALUES ($1, $2)", Code, Digits);
  }
  N.exec("SELECT pg_advisory_unlock(31337)");
}
