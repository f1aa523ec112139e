// Racy: the lookup lives in a helper, usernameTaken(), that returns whether
// mysql_num_rows() found a row, and the caller inserts when it says "no". The
// helper's result tells the check's outcome, so the race is the same as with
// an inline check.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

static bool usernameTaken(MYSQL *Conn) {
  // note: sqlrace-check-then-insert the check runs here, inside 'usernameTaken'
  mysql_query(Conn, "SELECT 1 FROM usernames WHERE name = 'admin' LIMIT 1");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Taken = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  return Taken;
}

bool reserveAdmin(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'usernames' row checked by calling 'usernameTaken', keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (usernameTaken(Conn))
    return false;
  // expect: sqlrace-check-then-insert insert into 'usernames' can race ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO usernames(name, reserved) VALUES ('admin', 1), backed by a UNIQUE constraint on usernames (name)...*
  return mysql_query(Conn, "INSERT INTO usernames(name, reserved) VALUES ('admin', 1)") == 0;
}
