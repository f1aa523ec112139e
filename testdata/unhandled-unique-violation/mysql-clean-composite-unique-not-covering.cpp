// Clean for this check: daily_bonus has UNIQUE (user_id, day), but the check
// asks whether the user ever got a bonus (user_id only). The key does not
// cover that check, so two welcome bonuses on different days are not
// rejected; the pair is a plain check-then-insert.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void grantWelcomeBonus(MYSQL *Conn) {
  mysql_query(Conn, "SELECT 1 FROM daily_bonus WHERE user_id = 42 LIMIT 1");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'daily_bonus' can race ...*
    mysql_query(Conn, "INSERT INTO daily_bonus(user_id, day, amount) VALUES (42, CURRENT_DATE, 500)");
  }
  mysql_free_result(Res);
}
