// Clean: optimistic compare-and-set. The UPDATE restates the version it read
// and bumps it (so the SET always changes the row, as MySQL counts changed
// rows), and the count executeUpdate() returns tells whether another client
// won in between: 0 rows means re-read and retry.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

bool withdraw(sql::Connection *Con, int AccountId, int Amount) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT balance, version FROM accounts WHERE id = ?"));
  Read->setInt(1, AccountId);
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return false;
  const int Balance = Rs->getInt(1);
  const int Version = Rs->getInt(2);

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE accounts SET balance = ?, version = version + 1 WHERE id = ? AND version = ?"));
  Write->setInt(1, Balance - Amount);
  Write->setInt(2, AccountId);
  Write->setInt(3, Version);
  // FIXME(analyzer): the update count returned by PreparedStatement::executeUpdate() (docs/checks/read-modify-write.md names it as MySQL's affected-row count) is not an affected_rows source in rules/mysql-connector-cpp.json, so the guard is reported as unchecked.
  // todo-ok: sqlrace-read-modify-write
  return Write->executeUpdate() == 1;
}
