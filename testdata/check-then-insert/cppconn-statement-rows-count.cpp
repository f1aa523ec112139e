// Racy: a plain sql::Statement runs the lookup with executeQuery(), and when
// rowsCount() is zero the same statement object inserts the default message
// of the day. Two servers starting at once can both insert it.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

void seedMotd(sql::Connection *Con) {
  std::unique_ptr<sql::Statement> S(Con->createStatement());
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (name)
  std::unique_ptr<sql::ResultSet> Rs(S->executeQuery("SELECT 1 FROM settings WHERE name = 'motd'"));
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Rs->rowsCount() == 0) {
    // expect: sqlrace-check-then-insert insert into 'settings' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO settings(name, value) VALUES ('motd', 'Welcome!'), backed by a UNIQUE constraint on settings (name) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE name = name is stricter)
    S->execute("INSERT INTO settings(name, value) VALUES ('motd', 'Welcome!')");
  }
}
