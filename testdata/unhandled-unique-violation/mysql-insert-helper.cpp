// Racy: createUser() runs the INSERT on the connection it is given, and the
// caller calls it when the lookup found no row. users has UNIQUE KEY
// uq_users_email, so a concurrent signup makes the helper's INSERT fail with
// 1062; neither function examines mysql_errno().
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

static bool createUser(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation the insert runs here, inside 'createUser'
  return mysql_query(Conn, "INSERT INTO users(email) VALUES ('lee@example.com')") == 0;
}

bool signUpLee(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation existence of a 'users' row checked here, keyed on (email)
  mysql_query(Conn, "SELECT id FROM users WHERE email = 'lee@example.com'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const my_ulonglong Rows = mysql_num_rows(Res);
  mysql_free_result(Res);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Rows > 0)
    return false;
  // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation 'uq_users_email' UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-mysql.sql:9)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO users(email) VALUES ('lee@example.com'), then tell a new row from an existing one by the affected-row count
  return createUser(Conn);
}
