// Racy: the lookup is a prepared statement whose result is buffered with
// mysql_stmt_store_result() and counted with mysql_stmt_num_rows(); the insert
// is a plain mysql_query() on the same connection. Two workers can both count
// 0 and both insert the same daily report.
// REQUIRES: pkg(libmariadb)
#include <cstring>
#include <mysql.h>

void scheduleReport(MYSQL *Conn) {
  static const char Find[] = "SELECT id FROM daily_reports WHERE day = CURRENT_DATE";
  MYSQL_STMT *Lookup = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Lookup, Find, strlen(Find));
  mysql_stmt_execute(Lookup);
  mysql_stmt_store_result(Lookup);
  if (mysql_stmt_num_rows(Lookup) == 0) {
    // expect: sqlrace-check-then-insert insert into 'daily_reports' can race ...*
    mysql_query(Conn, "INSERT INTO daily_reports(day, state) VALUES (CURRENT_DATE, 'queued')");
  }
  mysql_stmt_close(Lookup);
}
