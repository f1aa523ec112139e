// Clean: the look-alike of mysql-stock-per-line-loop.cpp with the whole loop
// inside one transaction and every read a SELECT ... FOR UPDATE. Each stock
// row stays locked until COMMIT, so a concurrent checkout of the same item
// waits and then reads the decremented quantity.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>
#include <vector>

struct CartLine {
  long ItemId;
  int Quantity;
};

bool checkout(MYSQL *Conn, const std::vector<CartLine> &Lines) {
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  for (const CartLine &Line : Lines) {
    snprintf(Sql, sizeof Sql, "SELECT quantity FROM stock WHERE item_id = %ld FOR UPDATE", Line.ItemId);
    mysql_query(Conn, Sql);
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    if (!Row) {
      mysql_free_result(Res);
      mysql_query(Conn, "ROLLBACK");
      return false;
    }
    const int InStock = atoi(Row[0]);
    mysql_free_result(Res);
    snprintf(Sql, sizeof Sql, "UPDATE stock SET quantity = %d WHERE item_id = %ld", InStock - Line.Quantity, Line.ItemId);
    // ok: sqlrace-read-modify-write
    mysql_query(Conn, Sql);
  }
  return mysql_query(Conn, "COMMIT") == 0;
}
