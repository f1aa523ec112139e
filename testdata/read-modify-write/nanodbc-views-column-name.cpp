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
  // note: sqlrace-read-modify-write 'views' read from 'pages' here, keyed on (id)
  nanodbc::result Row = nanodbc::execute(Read);
  if (!Row.next())
    return;
  int Views = Row.get<int>("views");
  ++Views;
  nanodbc::statement Write(Conn);
  // expect: sqlrace-read-modify-write update of 'pages.views' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET views = views + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  Write.execute_direct(Conn, "UPDATE pages SET views = " + std::to_string(Views) + " WHERE id = " + std::to_string(PageId));
}
