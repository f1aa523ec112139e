// Clean: the INSERT carries ON DUPLICATE KEY UPDATE, so a row inserted by a
// concurrent client after the check turns this statement into an update of
// that row (affected rows 2) instead of a second row or an error.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void touchProfile(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM profiles WHERE user_id = 17");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  if (!Row) {
    // ok: sqlrace-check-then-insert
    mysql_query(Conn, "INSERT INTO profiles(user_id, seen_at) VALUES (17, NOW()) ON DUPLICATE KEY UPDATE seen_at = NOW()");
  }
  mysql_free_result(Res);
}
