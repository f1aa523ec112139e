// The INSERT's pqxx::sql_error is caught and its sqlstate() compared with
// "23505"; any other error is rethrown. That handles the unique violation of
// this INSERT: the handler is reached by the INSERT's exception edge and the
// compared value comes from the caught exception.
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
  } catch (const pqxx::sql_error &E) {
    if (E.sqlstate() != "23505")
      throw;
    return false;
  }
  return true;
}
