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
  std::unique_ptr<sql::ResultSet> Rs(S->executeQuery("SELECT 1 FROM settings WHERE name = 'motd'"));
  if (Rs->rowsCount() == 0) {
    // expect: sqlrace-check-then-insert insert into 'settings' ...*
    S->execute("INSERT INTO settings(name, value) VALUES ('motd', 'Welcome!')");
  }
}
