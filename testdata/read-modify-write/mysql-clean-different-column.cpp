// Clean: the quota is read, but the UPDATE writes another column (used),
// with a value that does not come from the read: the request count sent by
// the caller. Nothing read is written back, so nothing can be lost.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

bool recordUsage(MYSQL *Conn, long ApiKeyId, long UsedToday) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT quota FROM api_keys WHERE id = %ld", ApiKeyId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const long Quota = Row ? atol(Row[0]) : 0;
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE api_keys SET used = %ld WHERE id = %ld", UsedToday, ApiKeyId);
  // ok: sqlrace-read-modify-write
  mysql_query(Conn, Sql);
  return UsedToday <= Quota;
}
