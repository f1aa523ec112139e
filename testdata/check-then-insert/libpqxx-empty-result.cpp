// Racy: inside a pqxx::work (READ COMMITTED) the signup looks the address up
// with exec_params() and inserts when the result is empty(). READ COMMITTED
// does not stop a concurrent transaction from inserting the same address
// between the two statements.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool signUp(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  pqxx::result R = W.exec_params("SELECT 1 FROM users WHERE email = $1", Email);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (R.empty()) {
    // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
    W.exec_params("INSERT INTO users(email) VALUES ($1)", Email);
    W.commit();
    return true;
  }
  W.commit();
  return false;
}
