// Clean: the session takes the named lock 'team:acme' with GET_LOCK() before
// the check and releases it after the insert. Every creator of that team
// asks for the same lock, so the second one waits and then sees the row.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void createTeam(MYSQL *Conn) {
  mysql_query(Conn, "SELECT GET_LOCK('team:acme', 10)");
  mysql_free_result(mysql_store_result(Conn));
  mysql_query(Conn, "SELECT 1 FROM teams WHERE slug = 'acme'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-check-then-insert
    mysql_query(Conn, "INSERT INTO teams(slug) VALUES ('acme')");
  }
  mysql_free_result(Res);
  mysql_query(Conn, "SELECT RELEASE_LOCK('team:acme')");
  mysql_free_result(mysql_store_result(Conn));
}
