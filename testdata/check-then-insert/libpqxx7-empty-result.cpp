// Racy: inside a pqxx::work (READ COMMITTED) the signup looks the address up
// with exec_params() and inserts when the result is empty(). libpqxx 7 takes
// the SQL as a pqxx::zview; the race is the same as with 6.x: a concurrent
// transaction can insert the same address between the two statements.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

bool signUp(pqxx::connection &Conn, const std::string &Email) {
  pqxx::work Tx(Conn);
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  pqxx::result Found = Tx.exec_params("SELECT 1 FROM users WHERE email = $1", Email);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Found.empty()) {
    // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO users(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on users (email)
    Tx.exec_params("INSERT INTO users(email) VALUES ($1)", Email);
    Tx.commit();
    return true;
  }
  Tx.commit();
  return false;
}
