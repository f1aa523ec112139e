// Clean: the check reads 'users', the insert writes 'audit_log'. Nothing
// keyed by the checked email is inserted, so a concurrent client cannot
// make the insert a duplicate of what the check looked for.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void logLoginAttempt(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work Tx(Conn);
  pqxx::result Found = Tx.exec_params("SELECT 1 FROM users WHERE email = $1", Email);
  if (Found.empty())
    // ok: sqlrace-check-then-insert
    Tx.exec_params("INSERT INTO audit_log(email, event) VALUES ($1, 'unknown user')", Email);
  Tx.commit();
}
