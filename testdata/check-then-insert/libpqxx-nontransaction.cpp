// Racy: a pqxx::nontransaction runs each statement in autocommit, so the
// lookup and the insert are two separate transactions with a gap between
// them. Two workers seeding the same currency can both find no row.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void seedCurrency(pqxx::connection &Conn, const std::string &Code, int Digits) {
  pqxx::nontransaction N(Conn);
  // note: sqlrace-check-then-insert existence of a 'currencies' row checked here, keyed on (code)
  const pqxx::result R = N.exec_params("SELECT 1 FROM currencies WHERE code = $1", Code);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (R.empty()) {
    // expect: sqlrace-check-then-insert insert into 'currencies' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO currencies(code, minor_digits) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING, backed by a UNIQUE constraint on currencies (code)
    N.exec_params("INSERT INTO currencies(code, minor_digits) VALUES ($1, $2)", Code, Digits);
  }
}
