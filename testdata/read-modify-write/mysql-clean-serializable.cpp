// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE applies to the next
// transaction, which START TRANSACTION opens. In InnoDB's SERIALIZABLE a
// plain SELECT inside a transaction becomes a shared locking read, so a
// concurrent read-modify-write of the same row blocks or is chosen as a
// deadlock victim (1213) and must retry; no update is silently lost.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool reserveRoom(MYSQL *Conn, long HotelId, int Rooms) {
  mysql_query(Conn, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT rooms_free FROM hotels WHERE id = %ld", HotelId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const int Free = Row ? atoi(Row[0]) : 0;
  mysql_free_result(Res);
  if (Free < Rooms) {
    mysql_query(Conn, "ROLLBACK");
    return false;
  }
  snprintf(Sql, sizeof Sql, "UPDATE hotels SET rooms_free = %d WHERE id = %ld", Free - Rooms, HotelId);
  // ok: sqlrace-read-modify-write
  mysql_query(Conn, Sql);
  return mysql_query(Conn, "COMMIT") == 0;
}
