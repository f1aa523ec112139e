// Racy: both statements are formatted with snprintf() into one buffer and run
// with mysql_query(). The values are unknown to the analysis, but the table
// and key columns are not, so the race is the same as with literals; the
// rewrite note says which parts are unknown.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <mysql.h>

void joinWaitlist(MYSQL *Conn, int EventId, int UserId) {
  char Sql[256];
  snprintf(Sql, sizeof Sql, "SELECT 1 FROM waitlist WHERE event_id = %d AND user_id = %d", EventId, UserId);
  // note: sqlrace-check-then-insert existence of a 'waitlist' row checked here, keyed on (event_id, user_id)
  // note: sqlrace-check-then-insert this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  const my_ulonglong Rows = mysql_num_rows(Res);
  mysql_free_result(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Rows == 0) {
    snprintf(Sql, sizeof Sql, "INSERT INTO waitlist(event_id, user_id) VALUES (%d, %d)", EventId, UserId);
    // expect: sqlrace-check-then-insert insert into 'waitlist' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on waitlist (event_id, user_id) and use the dialect's insert-if-absent form or handle the unique violation
    // note: sqlrace-check-then-insert SQL partly unknown at analysis time; the rewrite keeps the known parts
    mysql_query(Conn, Sql);
  }
}
