// Racy: a pqxx::nontransaction checks lower(email) = lower($1), which the
// unique index on lower(email) covers, and then inserts in autocommit. Two
// imports of "Ann@x.org" and "ann@x.org" can both pass the check; the second
// INSERT throws pqxx::unique_violation, and nothing catches it.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void importCustomer(pqxx::connection &Conn, const std::string &Email) {
  pqxx::nontransaction N(Conn);
  // note: sqlrace-unhandled-unique-violation existence of a 'customers' row checked here, keyed on (email)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (N.exec_params("SELECT 1 FROM customers WHERE lower(email) = lower($1)", Email).empty()) {
    // expect: sqlrace-unhandled-unique-violation insert into 'customers' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'customers_email_lower' UNIQUE (lower(email)) rejects the duplicate (declared at Inputs/uuv-postgres.sql:11)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO customers(email) VALUES ($1) ON CONFLICT (lower(email)) DO NOTHING, then tell a new row from an existing one by the affected-row count
    N.exec_params("INSERT INTO customers(email) VALUES ($1)", Email);
  }
}
