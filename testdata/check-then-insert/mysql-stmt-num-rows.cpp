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
  // note: sqlrace-check-then-insert existence of a 'daily_reports' row checked here, keyed on (day)
  mysql_stmt_execute(Lookup);
  mysql_stmt_store_result(Lookup);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_stmt_num_rows(Lookup) == 0) {
    // expect: sqlrace-check-then-insert insert into 'daily_reports' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO daily_reports(day, state) VALUES (CURRENT_DATE, 'queued'), backed by a UNIQUE constraint on daily_reports (day) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE day = day is stricter)
    mysql_query(Conn, "INSERT INTO daily_reports(day, state) VALUES (CURRENT_DATE, 'queued')");
  }
  mysql_stmt_close(Lookup);
}
