// Clean: an archiving job reads the final balance on the live database's
// connection and stores it into the archive's copy of the account through
// another sql::Connection. The UPDATE cannot overwrite a concurrent change
// of the row the SELECT read.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

void archiveBalance(sql::Connection *Live, sql::Connection *Archive, int AccountId, int Fee) {
  std::unique_ptr<sql::PreparedStatement> Read(Live->prepareStatement("SELECT balance FROM accounts WHERE id = ?"));
  Read->setInt(1, AccountId);
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return;
  const int Balance = Rs->getInt(1);

  std::unique_ptr<sql::PreparedStatement> Write(Archive->prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?"));
  Write->setInt(1, Balance - Fee);
  Write->setInt(2, AccountId);
  // ok: sqlrace-read-modify-write
  Write->executeUpdate();
}
