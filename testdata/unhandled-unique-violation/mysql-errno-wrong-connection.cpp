// The INSERT runs on Conn, but the error code is read with
// mysql_errno(Audit), another connection, so the comparison with
// ER_DUP_ENTRY never sees this INSERT's error: the violation is unhandled.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <mysqld_error.h>

bool claimName(MYSQL *Conn, MYSQL *Audit) {
  // note: sqlrace-unhandled-unique-violation existence of a 'usernames' row checked here, keyed on (name)
  mysql_query(Conn, "SELECT user_id FROM usernames WHERE name = 'heron'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Taken = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Taken)
    return false;
  // expect: sqlrace-unhandled-unique-violation insert into 'usernames' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation PRIMARY KEY (name) rejects the duplicate (declared at Inputs/uuv-mysql.sql:11)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO usernames(name, user_id) VALUES ('heron', 9), then tell a new row from an existing one by the affected-row count
  if (mysql_query(Conn, "INSERT INTO usernames(name, user_id) VALUES ('heron', 9)") != 0 &&
      mysql_errno(Audit) == ER_DUP_ENTRY)
    return false;
  return true;
}
