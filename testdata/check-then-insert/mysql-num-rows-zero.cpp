// Racy: a newsletter signup runs the lookup with mysql_query(), stores the
// result and inserts when mysql_num_rows() is 0. Two signups for the same
// address can both get an empty result and both insert a subscriber row.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

static const char FindSubscriber[] = "SELECT id FROM subscribers WHERE email = 'ops@example.com'";
static const char AddSubscriber[] = "INSERT INTO subscribers(email, list) VALUES ('ops@example.com', 'weekly')";

bool subscribeOps(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'subscribers' row checked here, keyed on (email)
  if (mysql_query(Conn, FindSubscriber) != 0)
    return false;
  MYSQL_RES *Res = mysql_store_result(Conn);
  bool Added = false;
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'subscribers' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO subscribers(email, list) VALUES ('ops@example.com', 'weekly'), backed by a UNIQUE constraint on subscribers (email) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE email = email is stricter)
    Added = mysql_query(Conn, AddSubscriber) == 0;
  }
  mysql_free_result(Res);
  return Added;
}
