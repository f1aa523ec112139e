// Racy: the INSERT is in a try, but the handler catches pqxx::check_violation
// (a bad email format). The duplicate from a concurrent signup raises
// pqxx::unique_violation, a sibling class, which passes through uncaught.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool openAccount(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work W(Conn);
  if (!W.exec_params("SELECT 1 FROM accounts WHERE email = $1", Email).empty())
    return false;
  try {
    // expect: sqlrace-unhandled-unique-violation insert into 'accounts' fails with a unique violation ...*
    W.exec_params("INSERT INTO accounts(email) VALUES ($1)", Email);
  } catch (const pqxx::check_violation &) {
    return false;
  }
  W.commit();
  return true;
}
