// Racy: a page view counter is read through a prepared statement and
// result::get<int>("views") (by column name), incremented in C++ and written
// back with statement::execute_direct(). Concurrent views read the same
// count and all write "count + 1".
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>
#include <string>

void countView(nanodbc::connection &Conn, int PageId) {
  nanodbc::statement Read(Conn, "SELECT views FROM pages WHERE id = ?");
  Read.bind(0, &PageId);
  nanodbc::result Row = nanodbc::execute(Read);
  if (!Row.next())
    return;
  int Views = Row.get<int>("views");
  ++Views;
  nanodbc::statement Write(Conn);
  // expect: sqlrace-read-modify-write update of 'pages.views' writes back ...*
  Write.execute_direct(Conn, "UPDATE pages SET views = " + std::to_string(Views) + " WHERE id = " + std::to_string(PageId));
}
