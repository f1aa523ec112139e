// Racy: check and insert run inside START TRANSACTION at the server default,
// REPEATABLE READ. The plain SELECT is a snapshot read that takes no lock, so
// a concurrent transaction can insert the same SKU between the two statements
// and both commit.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void addProduct(MYSQL *Conn) {
  mysql_query(Conn, "START TRANSACTION");
  // note: sqlrace-check-then-insert existence of a 'products' row checked here, keyed on (sku)
  mysql_query(Conn, "SELECT 1 FROM products WHERE sku = 'TSHIRT-M-BLUE'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0)
    // expect: sqlrace-check-then-insert insert into 'products' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): ...*
    mysql_query(Conn, "INSERT INTO products(sku, title) VALUES ('TSHIRT-M-BLUE', 'T-shirt M blue')");
  mysql_free_result(Res);
  mysql_query(Conn, "COMMIT");
}
