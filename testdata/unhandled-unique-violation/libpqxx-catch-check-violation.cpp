// Racy: the INSERT is in a try, but the handler catches pqxx::check_violation
// (a bad email format). The duplicate from a concurrent signup raises
// pqxx::unique_violation, a sibling class, which passes through uncaught.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool openAccount(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work W(Conn);
  // note: sqlrace-unhandled-unique-violation existence of a 'accounts' row checked here, keyed on (email)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!W.exec_params("SELECT 1 FROM accounts WHERE email = $1", Email).empty())
    return false;
  try {
    // expect: sqlrace-unhandled-unique-violation insert into 'accounts' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'accounts_email_key' UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-postgres.sql:4)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO accounts(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, then tell a new row from an existing one by the affected-row count
    W.exec_params("INSERT INTO accounts(email) VALUES ($1)", Email);
  } catch (const pqxx::check_violation &) {
    return false;
  }
  W.commit();
  return true;
}
