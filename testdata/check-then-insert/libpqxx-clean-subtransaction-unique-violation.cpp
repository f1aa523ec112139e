// Clean: the INSERT runs in a pqxx::subtransaction (a SAVEPOINT) inside a
// try that catches pqxx::unique_violation. A duplicate from a concurrent
// client is rejected by the UNIQUE constraint, rolled back to the savepoint,
// and the outer transaction goes on.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool addAlias(pqxx::connection &Conn, const std::string &Alias, int UserId) {
  pqxx::work W(Conn);
  if (!W.exec_params("SELECT 1 FROM aliases WHERE alias = $1", Alias).empty())
    return false;
  bool Added = true;
  try {
    pqxx::subtransaction S(W, "add_alias");
    // ok: sqlrace-check-then-insert
    S.exec_params("INSERT INTO aliases(alias, user_id) VALUES ($1, $2)", Alias, UserId);
    S.commit();
  } catch (const pqxx::unique_violation &) {
    Added = false;
  }
  W.exec_params("UPDATE users SET alias_attempts = alias_attempts + 1 WHERE id = $1", UserId);
  W.commit();
  return Added;
}
