// Racy: the INSERT is in a helper, addFavorite(), that runs it on the
// connection it is given; the caller calls it only when the lookup found no
// row. Moving the insert into a function does not make the pair atomic: two
// clicks on "favorite" can both pass the check.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

static int addFavorite(MYSQL *Conn) {
  // note: sqlrace-check-then-insert the insert runs here, inside 'addFavorite'
  return mysql_query(Conn, "INSERT INTO favorites(user_id, item_id) VALUES (7, 42)");
}

void favorite(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'favorites' row checked here, keyed on (user_id, item_id)
  mysql_query(Conn, "SELECT 1 FROM favorites WHERE user_id = 7 AND item_id = 42");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0)
    // expect: sqlrace-check-then-insert insert into 'favorites' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO favorites(user_id, item_id) VALUES (7, 42)...*
    addFavorite(Conn);
  mysql_free_result(Res);
}
