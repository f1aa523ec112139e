// Racy: a pqxx::nontransaction runs each statement in autocommit, so the
// lookup and the insert are two separate transactions with a gap between
// them. Two workers seeding the same currency can both find no row.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void seedCurrency(pqxx::connection &Conn, const std::string &Code, int Digits) {
  pqxx::nontransaction N(Conn);
  const pqxx::result R = N.exec_params("SELECT 1 FROM currencies WHERE code = $1", Code);
  if (R.empty()) {
    // expect: sqlrace-check-then-insert insert into 'currencies' can race ...*
    N.exec_params("INSERT INTO currencies(code, minor_digits) VALUES ($1, $2)", Code, Digits);
  }
}
