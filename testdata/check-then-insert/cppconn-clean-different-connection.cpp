// Clean: the existing invitation is looked up on the read replica's
// connection and the new one is inserted on the primary's. The two
// statements run on two different sql::Connection objects and are not a
// check-then-insert pair.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

bool invite(sql::Connection *Replica, sql::Connection *Primary, const std::string &Email) {
  std::unique_ptr<sql::PreparedStatement> Find(Replica->prepareStatement("SELECT 1 FROM invitations WHERE email = ?"));
  Find->setString(1, Email);
  std::unique_ptr<sql::ResultSet> Rs(Find->executeQuery());
  if (Rs->next())
    return false;
  std::unique_ptr<sql::PreparedStatement> Add(Primary->prepareStatement("INSERT INTO invitations(email) VALUES (?)"));
  Add->setString(1, Email);
  // ok: sqlrace-check-then-insert
  Add->executeUpdate();
  return true;
}
