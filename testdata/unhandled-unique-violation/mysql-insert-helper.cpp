// Racy: createUser() runs the INSERT on the connection it is given, and the
// caller calls it when the lookup found no row. users has UNIQUE KEY
// uq_users_email, so a concurrent signup makes the helper's INSERT fail with
// 1062; neither function examines mysql_errno().
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

static bool createUser(MYSQL *Conn) {
  return mysql_query(Conn, "INSERT INTO users(email) VALUES ('lee@example.com')") == 0;
}

bool signUpLee(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM users WHERE email = 'lee@example.com'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const my_ulonglong Rows = mysql_num_rows(Res);
  mysql_free_result(Res);
  if (Rows > 0)
    return false;
  // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation ...*
  return createUser(Conn);
}
