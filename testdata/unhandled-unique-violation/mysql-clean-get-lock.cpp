// Clean: GET_LOCK('signup:kim') is taken on the same connection before the
// check and released after the insert. Signups for one address queue on that
// lock, so the second sees the row and never hits UNIQUE KEY uq_users_email.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void importUser(MYSQL *Conn) {
  mysql_query(Conn, "SELECT GET_LOCK('signup:kim', 10)");
  mysql_free_result(mysql_store_result(Conn));
  mysql_query(Conn, "SELECT 1 FROM users WHERE email = 'kim@example.com'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    mysql_query(Conn, "INSERT INTO users(email) VALUES ('kim@example.com')");
  }
  mysql_free_result(Res);
  mysql_query(Conn, "SELECT RELEASE_LOCK('signup:kim')");
  mysql_free_result(mysql_store_result(Conn));
}
