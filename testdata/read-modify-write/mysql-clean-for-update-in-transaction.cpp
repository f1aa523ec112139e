// Clean: START TRANSACTION, then SELECT ... FOR UPDATE, the UPDATE and COMMIT
// on the same connection. InnoDB keeps the row lock until COMMIT; a second
// transfer waits at its own FOR UPDATE and then reads the balance written
// here, so no update is lost.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool deposit(MYSQL *Conn, long AccountId, long Cents) {
  if (mysql_query(Conn, "START TRANSACTION") != 0)
    return false;
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT balance_cents FROM accounts WHERE id = %ld FOR UPDATE", AccountId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (!Row) {
    mysql_free_result(Res);
    mysql_query(Conn, "ROLLBACK");
    return false;
  }
  const long Balance = atol(Row[0]);
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE accounts SET balance_cents = %ld WHERE id = %ld", Balance + Cents, AccountId);
  // ok: sqlrace-read-modify-write
  mysql_query(Conn, Sql);
  return mysql_query(Conn, "COMMIT") == 0;
}
