// Clean: the lookup only decides what to tell the user; the write itself is
// INSERT IGNORE, backed by the UNIQUE key on tags(name). When a concurrent
// client adds the tag in between, the duplicate is skipped (warning 1062,
// 0 rows) instead of being stored twice.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

bool createTag(MYSQL *Conn) {
  mysql_query(Conn, "SELECT 1 FROM tags WHERE name = 'release-notes'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  bool Created = false;
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-check-then-insert
    mysql_query(Conn, "INSERT IGNORE INTO tags(name) VALUES ('release-notes')");
    Created = mysql_affected_rows(Conn) == 1;
  }
  mysql_free_result(Res);
  return Created;
}
