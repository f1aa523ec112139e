// Clean: when the INSERT fails, mysql_errno() on the same connection is
// compared with ER_DUP_ENTRY. A concurrent signup that wins is rejected by
// UNIQUE KEY uq_users_email and reported as "taken".
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <mysqld_error.h>

enum class SignUp { Created, Taken, Failed };

SignUp signUpLee(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM users WHERE email = 'lee@example.com'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Exists = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  if (Exists)
    return SignUp::Taken;
  // ok: sqlrace-unhandled-unique-violation
  if (mysql_query(Conn, "INSERT INTO users(email) VALUES ('lee@example.com')") != 0)
    return mysql_errno(Conn) == ER_DUP_ENTRY ? SignUp::Taken : SignUp::Failed;
  return SignUp::Created;
}
