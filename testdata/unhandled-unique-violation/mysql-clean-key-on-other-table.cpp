// Clean for this check: users has UNIQUE KEY uq_users_email, but the code
// checks and inserts newsletter, which has no key on email. Nothing rejects
// the duplicate, so the pair is reported as a plain check-then-insert.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void joinNewsletter(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM newsletter WHERE email = 'kim@example.com'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'newsletter' can race ...*
    mysql_query(Conn, "INSERT INTO newsletter(email) VALUES ('kim@example.com')");
  }
  mysql_free_result(Res);
}
