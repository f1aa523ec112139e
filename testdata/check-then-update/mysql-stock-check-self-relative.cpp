// Racy: the stock is tested in C++ (InStock < Wanted returns early) and then
// decremented with a self-relative UPDATE that does not restate the test.
// The decrement is atomic, but two orders for the last item both pass the
// test: the stock goes to -1.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool sell(MYSQL *Conn, long ItemId, int Wanted) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT quantity FROM stock WHERE item_id = %ld", ItemId);
  // note: sqlrace-check-then-update 'stock' row read here, keyed on (item_id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const int InStock = Row ? atoi(Row[0]) : 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (InStock < Wanted)
    return false;
  snprintf(Sql, sizeof Sql, "UPDATE stock SET quantity = quantity - %d WHERE item_id = %ld", Wanted, ItemId);
  // expect: sqlrace-check-then-update update of 'stock' depends on a state read earlier...*
  // ok: sqlrace-read-modify-write
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-check-then-update SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
