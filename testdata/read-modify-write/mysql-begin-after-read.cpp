// Racy: BEGIN is sent after the value was read. The SELECT ... FOR UPDATE ran
// in autocommit mode and its lock ended with it; the transaction that
// follows only makes the UPDATE and the history INSERT atomic with each
// other, not with the read.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool useCredit(MYSQL *Conn, long UserId, int Cost) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT credits FROM users WHERE id = %ld FOR UPDATE", UserId);
  // note: sqlrace-read-modify-write 'credits' read from 'users' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const int Credits = Row ? atoi(Row[0]) : 0;
  mysql_free_result(Res);
  if (Credits < Cost)
    return false;
  mysql_query(Conn, "BEGIN");
  snprintf(Sql, sizeof Sql, "UPDATE users SET credits = %d WHERE id = %ld", Credits - Cost, UserId);
  // expect: sqlrace-read-modify-write update of 'users.credits' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET credits = credits + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  mysql_query(Conn, Sql);
  snprintf(Sql, sizeof Sql, "INSERT INTO credit_history (user_id, delta) VALUES (%ld, %d)", UserId, -Cost);
  mysql_query(Conn, Sql);
  return mysql_query(Conn, "COMMIT") == 0;
}
