// Clean for this check: users has UNIQUE KEY uq_users_email, but the code
// checks and inserts newsletter, which has no key on email. Nothing rejects
// the duplicate, so the pair is reported as a plain check-then-insert.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void joinNewsletter(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'newsletter' row checked here, keyed on (email)
  mysql_query(Conn, "SELECT id FROM newsletter WHERE email = 'kim@example.com'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'newsletter' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO newsletter(email) VALUES ('kim@example.com'), backed by a UNIQUE constraint on newsletter (email) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE email = email is stricter)
    mysql_query(Conn, "INSERT INTO newsletter(email) VALUES ('kim@example.com')");
  }
  mysql_free_result(Res);
}
