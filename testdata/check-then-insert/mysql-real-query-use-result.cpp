// Racy: the lookup runs with mysql_real_query() and its rows are streamed with
// mysql_use_result(); when mysql_fetch_row() gives none, the insert is sent
// with mysql_send_query(). Two clients can both find no row and both insert.
// A failed insert is only compared with SQLSTATE 40001 (mysql_sqlstate()), a
// serialization failure, so the duplicate is not handled either.
// REQUIRES: pkg(libmariadb)
#include <cstring>
#include <mysql.h>

void addTag(MYSQL *Conn) {
  static const char Find[] = "SELECT id FROM tags WHERE name = 'urgent'";
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  mysql_real_query(Conn, Find, strlen(Find));
  MYSQL_RES *Res = mysql_use_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Absent = Row == nullptr;
  mysql_free_result(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Absent)
    return;
  static const char Add[] = "INSERT INTO tags(name) VALUES ('urgent')";
  // expect: sqlrace-check-then-insert insert into 'tags' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO tags(name) VALUES ('urgent'), backed by a UNIQUE constraint on tags (name) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE name = name is stricter)
  if (mysql_send_query(Conn, Add, strlen(Add)) != 0 || mysql_read_query_result(Conn) != 0) {
    if (strcmp(mysql_sqlstate(Conn), "40001") == 0)
      return;
  }
}
