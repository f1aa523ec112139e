// Racy: a page view counter read with getInt64() through a plain
// sql::Statement, incremented in C++ and written back in SQL text built with
// std::to_string. Concurrent views read the same count and all write
// "count + 1". The SQL is built at run time, so no rewrite is offered.
// ARGS: -- -std=c++17
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <memory>
#include <string>

void countView(sql::Connection *Con, int PageId) {
  std::unique_ptr<sql::Statement> S(Con->createStatement());
  // note: sqlrace-read-modify-write 'views' read from 'pages' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  std::unique_ptr<sql::ResultSet> Rs(S->executeQuery("SELECT views FROM pages WHERE id = " + std::to_string(PageId)));
  if (!Rs->next())
    return;
  long long Views = Rs->getInt64(1);
  ++Views;
  // expect: sqlrace-read-modify-write update of 'pages.views' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET views = views + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  S->executeUpdate("UPDATE pages SET views = " + std::to_string(Views) + " WHERE id = " + std::to_string(PageId));
}
