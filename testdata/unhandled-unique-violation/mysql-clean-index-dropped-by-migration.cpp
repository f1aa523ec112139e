// Clean for this check: migration 0001 gives coupons UNIQUE KEY
// uq_coupons_code, and 0002 drops it with ALTER TABLE ... DROP INDEX. No key
// rejects a second coupon with the same code, so the pair is a plain
// check-then-insert.
// ARGS: --schema Inputs/uuv-mysql-migrations --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void createCoupon(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'coupons' row checked here, keyed on (code)
  mysql_query(Conn, "SELECT id FROM coupons WHERE code = 'WELCOME10'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'coupons' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO coupons(code) VALUES ('WELCOME10'), backed by a UNIQUE constraint on coupons (code) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE code = code is stricter)
    mysql_query(Conn, "INSERT INTO coupons(code) VALUES ('WELCOME10')");
  }
  mysql_free_result(Res);
}
