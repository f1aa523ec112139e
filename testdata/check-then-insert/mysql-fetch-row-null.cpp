// Racy: a warehouse bin is registered when fetching the first row of the
// lookup returns NULL. MYSQL_ROW == NULL means "no row", so this is the same
// check-then-insert as a row count: two scanners registering the same bin
// label can both fetch NULL and both insert it.
// REQUIRES: pkg(libmariadb)
#include <cstddef>
#include <mysql.h>

void registerBin(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'bins' row checked here, keyed on (warehouse_id, label)
  mysql_query(Conn, "SELECT id FROM bins WHERE warehouse_id = 4 AND label = 'A-12'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Row == NULL) {
    // expect: sqlrace-check-then-insert insert into 'bins' can race with the preceding existence check...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO bins(warehouse_id, label) VALUES (4, 'A-12'), backed by a UNIQUE constraint on bins (warehouse_id, label) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE warehouse_id = warehouse_id is stricter)
    mysql_query(Conn, "INSERT INTO bins(warehouse_id, label) VALUES (4, 'A-12')");
  }
  mysql_free_result(Res);
}
