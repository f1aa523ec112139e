// Racy: the post's status is read with mysql_query() + mysql_fetch_row() and
// compared with strcmp(); the UPDATE that publishes the post does not restate
// the status. An editor who archives the draft between the SELECT and the
// UPDATE is overruled: the archived post goes live.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool publish(MYSQL *Conn, long PostId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT status FROM posts WHERE id = %ld", PostId);
  // note: sqlrace-check-then-update 'posts' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  if (mysql_query(Conn, Sql) != 0)
    return false;
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool IsDraft = Row != nullptr && strcmp(Row[0], "draft") == 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!IsDraft)
    return false;
  snprintf(Sql, sizeof Sql, "UPDATE posts SET status = 'published', published_at = NOW() WHERE id = %ld", PostId);
  // expect: sqlrace-check-then-update update of 'posts' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-check-then-update SQL partly unknown at analysis time
  return mysql_query(Conn, Sql) == 0;
}
