// The INSERT runs on Conn, but the error code is read with
// mysql_errno(Audit), another connection, so the comparison with
// ER_DUP_ENTRY never sees this INSERT's error: the violation is unhandled.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <mysqld_error.h>

bool claimName(MYSQL *Conn, MYSQL *Audit) {
  mysql_query(Conn, "SELECT user_id FROM usernames WHERE name = 'heron'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Taken = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  if (Taken)
    return false;
  // expect: sqlrace-unhandled-unique-violation insert into 'usernames' fails with a unique violation ...*
  if (mysql_query(Conn, "INSERT INTO usernames(name, user_id) VALUES ('heron', 9)") != 0 &&
      mysql_errno(Audit) == ER_DUP_ENTRY)
    return false;
  return true;
}
