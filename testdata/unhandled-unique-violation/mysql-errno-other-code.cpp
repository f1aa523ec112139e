// Racy: the failed INSERT's mysql_errno() is compared with
// ER_LOCK_WAIT_TIMEOUT (1205) to retry, but not with ER_DUP_ENTRY (1062).
// usernames has name as PRIMARY KEY, so a concurrent reservation of the same
// name is an error this code does not recognise.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <mysqld_error.h>

enum class Claim { Done, Taken, Retry, Failed };

Claim claimName(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation existence of a 'usernames' row checked here, keyed on (name)
  mysql_query(Conn, "SELECT user_id FROM usernames WHERE name = 'kestrel'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  mysql_free_result(Res);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Row)
    return Claim::Taken;
  // expect: sqlrace-unhandled-unique-violation insert into 'usernames' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation PRIMARY KEY (name) rejects the duplicate (declared at Inputs/uuv-mysql.sql:11)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO usernames(name, user_id) VALUES ('kestrel', 5), then tell a new row from an existing one by the affected-row count
  if (mysql_query(Conn, "INSERT INTO usernames(name, user_id) VALUES ('kestrel', 5)") != 0)
    return mysql_errno(Conn) == ER_LOCK_WAIT_TIMEOUT ? Claim::Retry : Claim::Failed;
  return Claim::Done;
}
