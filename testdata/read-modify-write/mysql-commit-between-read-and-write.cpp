// Racy: the row is read with SELECT ... FOR UPDATE inside a transaction, but
// COMMIT is sent before the UPDATE. The COMMIT releases the row lock, so a
// concurrent transfer can change the balance before this one writes back
// its stale result.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool credit(MYSQL *Conn, long AccountId, long Cents) {
  mysql_query(Conn, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT balance_cents FROM accounts WHERE id = %ld FOR UPDATE", AccountId);
  // note: sqlrace-read-modify-write 'balance_cents' read from 'accounts' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (Row == nullptr) {
    mysql_free_result(Res);
    mysql_query(Conn, "ROLLBACK");
    return false;
  }
  const long Balance = atol(Row[0]);
  mysql_free_result(Res);
  mysql_query(Conn, "COMMIT");
  snprintf(Sql, sizeof Sql, "UPDATE accounts SET balance_cents = %ld WHERE id = %ld", Balance + Cents, AccountId);
  // expect: sqlrace-read-modify-write update of 'accounts.balance_cents' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET balance_cents = balance_cents + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
