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
  // note: sqlrace-unhandled-unique-violation existence of a 'users' row checked here, keyed on (email)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (W.exec_prepared("find_user", Email).empty()) {
    // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-postgres.sql:16)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, then tell a new row from an existing one by the affected-row count
    W.exec_prepared("add_user", Email);
  }
  W.commit();
}
