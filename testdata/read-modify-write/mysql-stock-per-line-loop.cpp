// Racy: checkout walks the cart lines; for each line it reads the stock of
// the item, subtracts the ordered quantity in C++ and writes the result back.
// The read and the write of every iteration are two autocommit statements,
// so two checkouts of the same item both write "quantity - n" and the stock
// is decremented only once.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>
#include <vector>

struct CartLine {
  long ItemId;
  int Quantity;
};

void checkout(MYSQL *Conn, const std::vector<CartLine> &Lines) {
  char Sql[200];
  for (const CartLine &Line : Lines) {
    snprintf(Sql, sizeof Sql, "SELECT quantity FROM stock WHERE item_id = %ld", Line.ItemId);
    // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (item_id)
    // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
    if (mysql_query(Conn, Sql) != 0)
      continue;
    MYSQL_RES *Res = mysql_store_result(Conn);
    MYSQL_ROW Row = mysql_fetch_row(Res);
    if (!Row) {
      mysql_free_result(Res);
      continue;
    }
    const int InStock = atoi(Row[0]);
    mysql_free_result(Res);
    snprintf(Sql, sizeof Sql, "UPDATE stock SET quantity = %d WHERE item_id = %ld", InStock - Line.Quantity, Line.ItemId);
    // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read...*
    // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
    // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET quantity = quantity + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    // note: sqlrace-read-modify-write SQL partly unknown at analysis time
    mysql_query(Conn, Sql);
  }
}
