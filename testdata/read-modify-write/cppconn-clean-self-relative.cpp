// Clean: the view counter is incremented in SQL (SET views = views + 1);
// the count read before is only returned for display. MySQL's UPDATE works
// on the latest committed row, so concurrent views are all counted.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>

long long countView(sql::Connection *Con, int PageId) {
  std::unique_ptr<sql::PreparedStatement> Read(Con->prepareStatement("SELECT views FROM pages WHERE id = ?"));
  Read->setInt(1, PageId);
  std::unique_ptr<sql::ResultSet> Rs(Read->executeQuery());
  if (!Rs->next())
    return 0;
  const long long Views = Rs->getInt64(1);

  std::unique_ptr<sql::PreparedStatement> Write(Con->prepareStatement("UPDATE pages SET views = views + 1 WHERE id = ?"));
  Write->setInt(1, PageId);
  // ok: sqlrace-read-modify-write
  Write->executeUpdate();
  return Views + 1;
}
