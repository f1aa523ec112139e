// Clean: the counter read is only logged; the write is self-relative
// (SET views = views + 1), so the server increments whatever value the row
// holds when the UPDATE runs.
// ARGS: -- -std=c++17 -IInputs/nanodbc
#include <nanodbc/nanodbc.h>

int countView(nanodbc::connection &Conn, int PageId) {
  nanodbc::statement Read(Conn, "SELECT views FROM pages WHERE id = ?");
  Read.bind(0, &PageId);
  nanodbc::result Row = nanodbc::execute(Read);
  const int Before = Row.next() ? Row.get<int>(0) : 0;
  nanodbc::statement Write(Conn, "UPDATE pages SET views = views + 1 WHERE id = ?");
  Write.bind(0, &PageId);
  // ok: sqlrace-read-modify-write
  nanodbc::just_execute(Write);
  return Before + 1;
}
