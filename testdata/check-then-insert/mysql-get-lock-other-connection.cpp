// Racy: GET_LOCK() is taken on the admin connection, but the check and the
// insert run on the request connection. A named lock only serialises
// sessions that ask for it; here the session doing the work never holds it,
// so two requests still race.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void createTeam(MYSQL *Conn, MYSQL *Admin) {
  mysql_query(Admin, "SELECT GET_LOCK('team:acme', 10)");
  mysql_free_result(mysql_store_result(Admin));
  mysql_query(Conn, "SELECT 1 FROM teams WHERE slug = 'acme'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'teams' can race ...*
    mysql_query(Conn, "INSERT INTO teams(slug) VALUES ('acme')");
  }
  mysql_free_result(Res);
  mysql_query(Admin, "SELECT RELEASE_LOCK('team:acme')");
  mysql_free_result(mysql_store_result(Admin));
}
