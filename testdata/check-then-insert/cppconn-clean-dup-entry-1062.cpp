// Clean: the insert is wrapped in a try whose handler compares
// SQLException::getErrorCode() with 1062 (ER_DUP_ENTRY), so a duplicate
// inserted by a concurrent client between the check and the insert is
// recognised as "taken" instead of escaping as an error.
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
    // ok: sqlrace-check-then-insert
    Add->executeUpdate();
  } catch (sql::SQLException &E) {
    if (E.getErrorCode() == 1062)
      return false; // taken in the meantime
    throw;
  }
  return true;
}
