// Known false negative: the same lost update as mysql-balance-snprintf.cpp,
// but the row is fetched only when mysql_store_result() returned a result
// (MYSQL_ROW Row = Res ? mysql_fetch_row(Res) : nullptr), a common null-safe
// spelling. The row handle exists on one path of the conditional only, and
// the join of the two paths forgets it, so the balance read from Row[0] is
// not connected to the SELECT and the write-back is not reported.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool withdraw(MYSQL *Conn, long AccountId, long Amount) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT balance FROM accounts WHERE id = %ld", AccountId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = Res ? mysql_fetch_row(Res) : nullptr;
  if (!Row) {
    if (Res)
      mysql_free_result(Res);
    return false;
  }
  const long Balance = atol(Row[0]);
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE accounts SET balance = %ld WHERE id = %ld", Balance - Amount, AccountId);
  // FIXME(analyzer): a result or row handle set on only one branch (?: or if) is dropped when the paths join, so values read through it are not followed.
  // todo-expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read...*
  return mysql_query(Conn, Sql) == 0;
}
