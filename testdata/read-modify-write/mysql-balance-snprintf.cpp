// Racy: a withdrawal reads the balance with mysql_query() +
// mysql_store_result(), subtracts the amount in C++ and pastes the new
// balance into the UPDATE with snprintf(). Two withdrawals that read the same
// balance both write "balance - amount": one of them is lost.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool withdraw(MYSQL *Conn, long AccountId, long Amount) {
  char Sql[256];
  snprintf(Sql, sizeof Sql, "SELECT balance FROM accounts WHERE id = %ld", AccountId);
  // note: sqlrace-read-modify-write 'balance' read from 'accounts' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  if (mysql_query(Conn, Sql) != 0)
    return false;
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (!Res)
    return false;
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (!Row) {
    mysql_free_result(Res);
    return false;
  }
  const long Balance = atol(Row[0]);
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE accounts SET balance = %ld WHERE id = %ld", Balance - Amount, AccountId);
  // expect: sqlrace-read-modify-write update of 'accounts.balance' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET balance = balance + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
