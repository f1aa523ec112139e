// Racy: the insert is wrapped in a try, but the handler only recognises a
// deadlock (1213) and rethrows everything else. A duplicate entry (1062)
// caused by a concurrent client between the check and the insert is not
// handled.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <cppconn/exception.h>
#include <memory>
#include <string>

bool claimHandle(sql::Connection *Con, const std::string &Handle, int UserId) {
  std::unique_ptr<sql::PreparedStatement> Find(Con->prepareStatement("SELECT 1 FROM handles WHERE handle = ?"));
  Find->setString(1, Handle);
  std::unique_ptr<sql::ResultSet> Rs(Find->executeQuery());
  if (Rs->next())
    return false;
  std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO handles(handle, user_id) VALUES (?, ?)"));
  Add->setString(1, Handle);
  Add->setInt(2, UserId);
  try {
    // expect: sqlrace-check-then-insert insert into 'handles' ...*
    Add->executeUpdate();
  } catch (sql::SQLException &E) {
    if (E.getErrorCode() == 1213)
      return false; // deadlock victim: the caller retries
    throw;
  }
  return true;
}
