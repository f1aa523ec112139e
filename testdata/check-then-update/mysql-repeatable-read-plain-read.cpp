// Racy: the test and the UPDATE run in one InnoDB transaction at REPEATABLE
// READ. In PostgreSQL that would make the UPDATE fail with 40001 if the row
// changed after the snapshot; in InnoDB the plain SELECT is a snapshot read
// without locks and the UPDATE goes through on the latest row (MariaDB before
// 11.6.2, innodb_snapshot_isolation=OFF). A refund committed in between is
// overwritten with 'shipped'.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool ship(MYSQL *Conn, long OrderId) {
  mysql_query(Conn, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT status FROM orders WHERE id = %ld", OrderId);
  // note: sqlrace-check-then-update 'orders' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Paid = Row && strcmp(Row[0], "paid") == 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Paid) {
    snprintf(Sql, sizeof Sql, "UPDATE orders SET status = 'shipped' WHERE id = %ld", OrderId);
    // expect: sqlrace-check-then-update update of 'orders' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
    // note: sqlrace-check-then-update SQL partly unknown at analysis time
    mysql_query(Conn, Sql);
  }
  return mysql_query(Conn, "COMMIT") == 0 && Paid;
}
