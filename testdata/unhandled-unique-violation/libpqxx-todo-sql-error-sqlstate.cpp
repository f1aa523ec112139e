// Known false positive: the INSERT's pqxx::sql_error is caught and its
// sqlstate() compared with "23505"; any other error is rethrown. That handles
// the unique violation exactly, but sqlrace recognises only a handler for
// pqxx::unique_violation itself.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool openAccount(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work W(Conn);
  if (!W.exec_params("SELECT 1 FROM accounts WHERE email = $1", Email).empty())
    return false;
  try {
    // FIXME(analyzer): catch (const pqxx::sql_error &E) with E.sqlstate() compared with "23505" is not seen as handling the violation.
    // todo-ok: sqlrace-unhandled-unique-violation insert into 'accounts' fails with a unique violation ...*
    W.exec_params("INSERT INTO accounts(email) VALUES ($1)", Email);
    W.commit();
  } catch (const pqxx::sql_error &E) {
    if (E.sqlstate() != "23505")
      throw;
    return false;
  }
  return true;
}
