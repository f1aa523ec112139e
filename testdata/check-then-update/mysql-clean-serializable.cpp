// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, then START
// TRANSACTION. InnoDB turns the plain SELECT into a shared locking read, so
// a concurrent change of the coupon waits for this COMMIT (or one side is a
// deadlock victim, 1213, and retries): the test cannot go stale.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool useCoupon(MYSQL *Conn, long CouponId, long OrderId) {
  mysql_query(Conn, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT used FROM coupons WHERE id = %ld", CouponId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Unused = Row && atoi(Row[0]) == 0;
  mysql_free_result(Res);
  if (!Unused) {
    mysql_query(Conn, "ROLLBACK");
    return false;
  }
  snprintf(Sql, sizeof Sql, "UPDATE coupons SET used = 1, order_id = %ld WHERE id = %ld", OrderId, CouponId);
  // ok: sqlrace-check-then-update
  mysql_query(Conn, Sql);
  return mysql_query(Conn, "COMMIT") == 0;
}
