// Racy: the insert's sql::SQLException is caught, but the handler only looks
// at getSQLState() for "40001" (a serialization failure) and rethrows the
// rest. The duplicate key of a concurrent signup (error 1062) is not handled.
// ARGS: --schema Inputs/uuv-mysql.sql -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <memory>
#include <string>

bool signUp(sql::Connection *Con, const std::string &Email) {
  std::unique_ptr<sql::PreparedStatement> Find(Con->prepareStatement("SELECT id FROM users WHERE email = ?"));
  Find->setString(1, Email);
  // note: sqlrace-unhandled-unique-violation existence of a 'users' row checked here, keyed on (email)
  std::unique_ptr<sql::ResultSet> Rs(Find->executeQuery());
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Rs->next())
    return false;
  std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO users(email) VALUES (?)"));
  Add->setString(1, Email);
  try {
    // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
    // note: sqlrace-unhandled-unique-violation 'uq_users_email' UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-mysql.sql:9)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO users(email) VALUES (?), then tell a new row from an existing one by the affected-row count
    Add->executeUpdate();
  } catch (const sql::SQLException &E) {
    if (E.getSQLState() == "40001")
      return false;
    throw;
  }
  return true;
}
