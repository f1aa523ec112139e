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
  if (N.exec_params("SELECT 1 FROM customers WHERE lower(email) = lower($1)", Email).empty()) {
    // expect: sqlrace-unhandled-unique-violation insert into 'customers' fails with a unique violation ...*
    N.exec_params("INSERT INTO customers(email) VALUES ($1)", Email);
  }
}
