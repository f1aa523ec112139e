// Racy: the state is read with SELECT ... FOR UPDATE inside a transaction,
// but COMMIT comes before the UPDATE. The lock ends at COMMIT, so another
// client can take the same seat between the test and the write.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool holdSeat(MYSQL *Conn, long SeatId, long CustomerId) {
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT state FROM seats WHERE id = %ld FOR UPDATE", SeatId);
  // note: sqlrace-check-then-update 'seats' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Free = Row && strcmp(Row[0], "free") == 0;
  mysql_free_result(Res);
  mysql_query(Conn, "COMMIT");
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Free)
    return false;
  snprintf(Sql, sizeof Sql, "UPDATE seats SET state = 'held', customer_id = %ld WHERE id = %ld", CustomerId, SeatId);
  // expect: sqlrace-check-then-update update of 'seats' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-check-then-update SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
