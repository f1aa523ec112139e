// Racy: a Connector/C++ prepared SELECT looks the e-mail up, and when the
// ResultSet's next() finds no row a second prepared statement inserts the
// user with executeUpdate(). In autocommit two sign-ups with the same
// address can both see "no row" and both insert.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

bool signUp(sql::Connection *Con, const std::string &Email) {
  std::unique_ptr<sql::PreparedStatement> Find(Con->prepareStatement("SELECT id FROM users WHERE email = ?"));
  Find->setString(1, Email);
  // note: sqlrace-check-then-insert existence of a 'users' row checked here, keyed on (email)
  std::unique_ptr<sql::ResultSet> Rs(Find->executeQuery());
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Rs->next())
    return false;

  std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO users(email) VALUES (?)"));
  Add->setString(1, Email);
  // expect: sqlrace-check-then-insert insert into 'users' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO users(email) VALUES (?), backed by a UNIQUE constraint on users (email) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE email = email is stricter)
  return Add->executeUpdate() == 1;
}
