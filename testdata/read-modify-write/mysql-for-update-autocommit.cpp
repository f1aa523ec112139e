// Racy: the SELECT says FOR UPDATE, but the connection is in autocommit mode
// (no START TRANSACTION), so the row lock is released when the SELECT
// statement ends, before the UPDATE. Two reservations can still read the same
// number of free seats and both write their own result.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool reserve(MYSQL *Conn, long ShowId, int Seats) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT seats_left FROM shows WHERE id = %ld FOR UPDATE", ShowId);
  // note: sqlrace-read-modify-write 'seats_left' read from 'shows' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  if (mysql_query(Conn, Sql))
    return false;
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const int Left = Row ? atoi(Row[0]) : 0;
  mysql_free_result(Res);
  if (Left < Seats)
    return false;
  snprintf(Sql, sizeof Sql, "UPDATE shows SET seats_left = %d WHERE id = %ld", Left - Seats, ShowId);
  // expect: sqlrace-read-modify-write update of 'shows.seats_left' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET seats_left = seats_left + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
