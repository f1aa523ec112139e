// Racy: check and insert run in START TRANSACTION at REPEATABLE READ, whose
// plain SELECT locks nothing. A concurrent transaction inserting the same
// user makes this INSERT fail with 1062 once it commits, and the code commits
// on without looking at the error.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void importUser(MYSQL *Conn) {
  mysql_query(Conn, "START TRANSACTION");
  // note: sqlrace-unhandled-unique-violation existence of a 'users' row checked here, keyed on (email)
  mysql_query(Conn, "SELECT 1 FROM users WHERE email = 'kim@example.com'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'uq_users_email' UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-mysql.sql:9)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO users(email) VALUES ('kim@example.com'), then tell a new row from an existing one by the affected-row count
    mysql_query(Conn, "INSERT INTO users(email) VALUES ('kim@example.com')");
  }
  mysql_free_result(Res);
  mysql_query(Conn, "COMMIT");
}
