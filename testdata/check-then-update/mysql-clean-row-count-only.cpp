// Clean: only mysql_num_rows() is tested, i.e. whether the session row
// exists; no value of the row decides the path. Touching last_seen of a row
// that exists is not a decision another client can invalidate.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <mysql.h>

bool touchSession(MYSQL *Conn, long SessionId) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT user_id FROM sessions WHERE id = %ld", SessionId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Exists = mysql_num_rows(Res) == 1;
  mysql_free_result(Res);
  if (!Exists)
    return false;
  snprintf(Sql, sizeof Sql, "UPDATE sessions SET last_seen = NOW() WHERE id = %ld", SessionId);
  // ok: sqlrace-check-then-update
  return mysql_query(Conn, Sql) == 0;
}
