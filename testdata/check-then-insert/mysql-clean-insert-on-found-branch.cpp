// Clean: a repeat view is logged only when the reader has viewed the article
// before. The INSERT is on the "row found" branch of the lookup, so a
// concurrent insert cannot turn a wrong "absent" answer into a duplicate.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void logRepeatView(MYSQL *Conn) {
  mysql_query(Conn, "SELECT 1 FROM article_views WHERE article_id = 8 AND reader_id = 3 LIMIT 1");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool SeenBefore = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  if (SeenBefore) {
    // ok: sqlrace-check-then-insert
    mysql_query(Conn, "INSERT INTO article_views(article_id, reader_id, repeat_view) VALUES (8, 3, 1)");
  }
}
