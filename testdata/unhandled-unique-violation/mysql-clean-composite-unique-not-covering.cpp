// Clean for this check: daily_bonus has UNIQUE (user_id, day), but the check
// asks whether the user ever got a bonus (user_id only). The key does not
// cover that check, so two welcome bonuses on different days are not
// rejected; the pair is a plain check-then-insert.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void grantWelcomeBonus(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'daily_bonus' row checked here, keyed on (user_id)
  mysql_query(Conn, "SELECT 1 FROM daily_bonus WHERE user_id = 42 LIMIT 1");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'daily_bonus' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO daily_bonus(user_id, day, amount) VALUES (42, CURRENT_DATE, 500), backed by a UNIQUE constraint on daily_bonus (user_id) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE user_id = user_id is stricter)
    mysql_query(Conn, "INSERT INTO daily_bonus(user_id, day, amount) VALUES (42, CURRENT_DATE, 500)");
  }
  mysql_free_result(Res);
}
