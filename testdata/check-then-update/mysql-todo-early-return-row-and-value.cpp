// Known false negative: a gift card is refused when its row says it was
// already redeemed (if (Row && strcmp(Row[0], "1") == 0) return false), and
// otherwise marked redeemed by an UPDATE that does not restate the test. Two
// redemptions that read '0' together both pass: the card is spent twice.
// The UPDATE is reached by two edges, the one where no row was fetched and
// the one where the value test failed; the join keeps a read "decided" only
// when both edges branched on its value, so nothing is reported. (Spelled
// with a std::string comparison, or as if (!Row || ...), it is reported.)
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool redeem(MYSQL *Conn, long CardId, long UserId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT redeemed FROM gift_cards WHERE id = %ld", CardId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (Row && strcmp(Row[0], "1") == 0) {
    mysql_free_result(Res);
    return false;
  }
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE gift_cards SET redeemed = 1, redeemed_by = %ld WHERE id = %ld", UserId, CardId);
  // FIXME(analyzer): an early return on (row exists && value test) leaves the UPDATE reachable from an undecided edge (no row) too; the join drops the decision, although with a std::string comparison the same shape is reported.
  // todo-expect: sqlrace-check-then-update update of 'gift_cards' depends on a state read earlier...*
  return mysql_query(Conn, Sql) == 0;
}
