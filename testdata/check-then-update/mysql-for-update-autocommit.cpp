// Racy: SELECT ... FOR UPDATE without START TRANSACTION. In autocommit mode
// the row lock ends with the SELECT, so a second redemption of the same gift
// card can read redeemed = 0 before this one writes redeemed = 1.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool redeem(MYSQL *Conn, long CardId, long UserId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT redeemed FROM gift_cards WHERE id = %ld FOR UPDATE", CardId);
  // note: sqlrace-check-then-update 'gift_cards' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Row == nullptr || atoi(Row[0]) != 0) {
    mysql_free_result(Res);
    return false;
  }
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE gift_cards SET redeemed = 1, redeemed_by = %ld WHERE id = %ld", UserId, CardId);
  // expect: sqlrace-check-then-update update of 'gift_cards' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-check-then-update SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
