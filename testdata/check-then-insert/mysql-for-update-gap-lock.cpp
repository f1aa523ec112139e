// Racy, deadlock-prone: the check is a SELECT ... FOR UPDATE inside a
// transaction at InnoDB's default REPEATABLE READ. The gap lock on the missing
// row blocks the other client's insert, so no duplicate appears, but two
// clients doing this at once deadlock (1213) and one must retry.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void claimHandle(MYSQL *Conn) {
  mysql_query(Conn, "START TRANSACTION");
  // note: sqlrace-check-then-insert existence of a 'handles' row checked here, keyed on (name)
  mysql_query(Conn, "SELECT id FROM handles WHERE name = 'ada' FOR UPDATE");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Taken = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Taken) {
    // expect: sqlrace-check-then-insert insert into 'handles' can race ...*
    // note: sqlrace-check-then-insert InnoDB's gap lock blocks the other client's insert, but two such transactions deadlock (error 1213): one is rolled back and must be retried
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO handles(name) VALUES ('ada')...*
    mysql_query(Conn, "INSERT INTO handles(name) VALUES ('ada')");
  }
  mysql_query(Conn, "COMMIT");
}
