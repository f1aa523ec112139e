// Clean: the article's status is read only to be returned to the caller; the
// view counter is incremented whatever it says (SET views = views + 1). No
// value read decides whether the UPDATE runs, and the increment is atomic.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <mysql.h>
#include <string>

std::string viewArticle(MYSQL *Conn, long ArticleId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT status FROM articles WHERE id = %ld", ArticleId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  std::string Status;
  if (Row)
    Status = Row[0];
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE articles SET views = views + 1 WHERE id = %ld", ArticleId);
  // ok: sqlrace-check-then-update
  // ok: sqlrace-read-modify-write
  mysql_query(Conn, Sql);
  return Status;
}
