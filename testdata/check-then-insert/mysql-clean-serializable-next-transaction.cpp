// Clean: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE before START TRANSACTION
// (MySQL applies it to the next transaction). The check then takes shared
// next-key locks, so of two concurrent inserters one is rolled back with a
// deadlock (1213) instead of duplicating the row.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void addProduct(MYSQL *Conn) {
  mysql_query(Conn, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  mysql_query(Conn, "START TRANSACTION");
  mysql_query(Conn, "SELECT 1 FROM products WHERE sku = 'TSHIRT-M-BLUE'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-check-then-insert
    mysql_query(Conn, "INSERT INTO products(sku, title) VALUES ('TSHIRT-M-BLUE', 'T-shirt M blue')");
  }
  mysql_free_result(Res);
  mysql_query(Conn, "COMMIT");
}
