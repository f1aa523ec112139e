// Clean: the INSERT and the commit are in a try that catches
// pqxx::unique_violation. When a concurrent signup wins, the UNIQUE constraint
// on accounts(email) raises it and the function answers "taken".
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool openAccount(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work W(Conn);
  if (!W.exec_params("SELECT 1 FROM accounts WHERE email = $1", Email).empty())
    return false;
  try {
    // ok: sqlrace-unhandled-unique-violation
    W.exec_params("INSERT INTO accounts(email) VALUES ($1)", Email);
    W.commit();
  } catch (const pqxx::unique_violation &) {
    return false;
  }
  return true;
}
