// Known false positive: the INSERT is wrapped in a try that catches
// pqxx::integrity_constraint_violation, the base class of
// pqxx::unique_violation, so a duplicate from a concurrent client is caught.
// sqlrace accepts only the exact class (and catch (...)).
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool addAlias(pqxx::connection &Conn, const std::string &Alias, int UserId) {
  pqxx::work W(Conn);
  if (!W.exec_params("SELECT 1 FROM aliases WHERE alias = $1", Alias).empty())
    return false;
  try {
    // FIXME(analyzer): a handler for a base class of pqxx::unique_violation (integrity_constraint_violation, sql_error) is not recognised as catching the violation.
    // todo-ok: sqlrace-check-then-insert insert into 'aliases' can race ...*
    W.exec_params("INSERT INTO aliases(alias, user_id) VALUES ($1, $2)", Alias, UserId);
    W.commit();
  } catch (const pqxx::integrity_constraint_violation &) {
    return false;
  }
  return true;
}
