// Clean: the check asks the analytics replica whether a user exists, and the
// insert goes to the primary on another connection. A check on one server
// and an insert on another are not a check-then-insert pair.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void backfillUser(pqxx::connection &Replica, pqxx::connection &Primary, const std::string &Email) {
  pqxx::read_transaction R(Replica);
  const bool Known = !R.exec_params("SELECT 1 FROM users WHERE email = $1", Email).empty();
  R.commit();
  if (Known)
    return;
  pqxx::work W(Primary);
  // ok: sqlrace-unhandled-unique-violation
  W.exec_params("INSERT INTO users(email) VALUES ($1)", Email);
  W.commit();
}
