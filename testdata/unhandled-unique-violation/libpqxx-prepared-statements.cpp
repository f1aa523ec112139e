// Racy: both statements are prepared on the connection and run with
// exec_prepared(). users has UNIQUE (email), so the INSERT after a lost race
// throws pqxx::unique_violation, and nothing catches it.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void signUp(pqxx::connection &Conn, const std::string &Email) {
  Conn.prepare("find_user", "SELECT id FROM users WHERE email = $1");
  Conn.prepare("add_user", "INSERT INTO users(email) VALUES ($1)");
  pqxx::work W(Conn);
  if (W.exec_prepared("find_user", Email).empty()) {
    // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation ...*
    W.exec_prepared("add_user", Email);
  }
  W.commit();
}
