// Racy: the read and the write run in one InnoDB transaction at REPEATABLE
// READ, which looks safe but is not. A plain SELECT in InnoDB is a snapshot
// read that takes no lock, and the UPDATE writes over whatever another client
// committed in between: two restocks that both read 5 both write 5 + n
// (MariaDB before 11.6.2, innodb_snapshot_isolation=OFF). Unlike PostgreSQL's
// REPEATABLE READ, the second writer gets no serialization error.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool restock(MYSQL *Conn, long ItemId, int Delivered) {
  mysql_query(Conn, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT quantity FROM stock WHERE item_id = %ld", ItemId);
  // note: sqlrace-read-modify-write 'quantity' read from 'stock' here, keyed on (item_id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (!Row) {
    mysql_free_result(Res);
    mysql_query(Conn, "ROLLBACK");
    return false;
  }
  const int Quantity = atoi(Row[0]);
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE stock SET quantity = %d WHERE item_id = %ld", Quantity + Delivered, ItemId);
  // expect: sqlrace-read-modify-write update of 'stock.quantity' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET quantity = quantity + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  mysql_query(Conn, Sql);
  return mysql_query(Conn, "COMMIT") == 0;
}
