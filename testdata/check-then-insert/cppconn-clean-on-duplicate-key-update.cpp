// Clean: the seeding INSERT ends in ON DUPLICATE KEY UPDATE name = name, so
// the server resolves a concurrent insert of the same setting atomically;
// the rowsCount() check before it is only an optimisation.
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
    // ok: sqlrace-check-then-insert
    S->execute("INSERT INTO settings(name, value) VALUES ('motd', 'Welcome!') ON DUPLICATE KEY UPDATE name = name");
  }
}
