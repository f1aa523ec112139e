// Clean: BEGIN (MySQL's synonym of START TRANSACTION), a locking read, an
// early return with ROLLBACK when the credits do not cover the cost, and the
// write-back before COMMIT. The row stays locked from the SELECT to the
// COMMIT, so a concurrent purchase waits and then reads the new value.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool useCredit(MYSQL *Conn, long UserId, int Cost) {
  mysql_query(Conn, "BEGIN");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT credits FROM users WHERE id = %ld FOR UPDATE", UserId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const int Credits = Row ? atoi(Row[0]) : 0;
  mysql_free_result(Res);
  if (Credits < Cost) {
    mysql_query(Conn, "ROLLBACK");
    return false;
  }
  snprintf(Sql, sizeof Sql, "UPDATE users SET credits = %d WHERE id = %ld", Credits - Cost, UserId);
  // ok: sqlrace-read-modify-write
  mysql_query(Conn, Sql);
  return mysql_query(Conn, "COMMIT") == 0;
}
