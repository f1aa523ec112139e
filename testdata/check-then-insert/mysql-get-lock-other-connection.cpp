// Racy: GET_LOCK() is taken on the admin connection, but the check and the
// insert run on the request connection. A named lock only serialises
// sessions that ask for it; here the session doing the work never holds it,
// so two requests still race.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void createTeam(MYSQL *Conn, MYSQL *Admin) {
  mysql_query(Admin, "SELECT GET_LOCK('team:acme', 10)");
  mysql_free_result(mysql_store_result(Admin));
  // note: sqlrace-check-then-insert existence of a 'teams' row checked here, keyed on (slug)
  mysql_query(Conn, "SELECT 1 FROM teams WHERE slug = 'acme'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'teams' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO teams(slug) VALUES ('acme'), backed by a UNIQUE constraint on teams (slug) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE slug = slug is stricter)
    mysql_query(Conn, "INSERT INTO teams(slug) VALUES ('acme')");
  }
  mysql_free_result(Res);
  mysql_query(Admin, "SELECT RELEASE_LOCK('team:acme')");
  mysql_free_result(mysql_store_result(Admin));
}
