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
  // note: sqlrace-check-then-insert existence of a 'handles' row checked here, keyed on (handle)
  std::unique_ptr<sql::ResultSet> Rs(Find->executeQuery());
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Rs->next())
    return false;
  std::unique_ptr<sql::PreparedStatement> Add(Con->prepareStatement("INSERT INTO handles(handle, user_id) VALUES (?, ?)"));
  Add->setString(1, Handle);
  Add->setInt(2, UserId);
  try {
    // expect: sqlrace-check-then-insert insert into 'handles' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO handles(handle, user_id) VALUES (?, ?), backed by a UNIQUE constraint on handles (handle) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE handle = handle is stricter)
    Add->executeUpdate();
  } catch (sql::SQLException &E) {
    if (E.getErrorCode() == 1213)
      return false; // deadlock victim: the caller retries
    throw;
  }
  return true;
}
