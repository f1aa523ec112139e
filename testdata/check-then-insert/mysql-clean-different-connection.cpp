// Clean: the check asks the read replica whether a customer exists, and the
// insert goes to the archive database on another connection. The two
// statements do not touch the same table on the same server, so there is no
// check-then-insert pair.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void archiveIfUnknown(MYSQL *Replica, MYSQL *Archive) {
  mysql_query(Replica, "SELECT 1 FROM customers WHERE email = 'ann@example.com'");
  MYSQL_RES *Res = mysql_store_result(Replica);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-check-then-insert
    mysql_query(Archive, "INSERT INTO customers(email) VALUES ('ann@example.com')");
  }
  mysql_free_result(Res);
}
