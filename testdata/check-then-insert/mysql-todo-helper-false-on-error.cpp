// Known false negative: the helper returns false both when the lookup found
// no row and when mysql_query() failed, and the caller inserts on false. The
// "no row" path still reaches the insert, but the helper's summary is dropped
// because its result does not tell the outcome exactly.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

static bool slugTaken(MYSQL *Conn) {
  if (mysql_query(Conn, "SELECT 1 FROM pages WHERE slug = 'about'") != 0)
    return false;
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Taken = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  return Taken;
}

void createAboutPage(MYSQL *Conn) {
  if (slugTaken(Conn))
    return;
  // FIXME(analyzer): a check helper with an early "return false" on a failed query is not followed, although its false result includes the "no row" outcome.
  // todo-expect: sqlrace-check-then-insert insert into 'pages' can race ...*
  mysql_query(Conn, "INSERT INTO pages(slug, title) VALUES ('about', 'About us')");
}
