// Clean for this check: migration 0001 gives coupons UNIQUE KEY
// uq_coupons_code, and 0002 drops it with ALTER TABLE ... DROP INDEX. No key
// rejects a second coupon with the same code, so the pair is a plain
// check-then-insert.
// ARGS: --schema Inputs/uuv-mysql-migrations --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void createCoupon(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM coupons WHERE code = 'WELCOME10'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'coupons' can race ...*
    mysql_query(Conn, "INSERT INTO coupons(code) VALUES ('WELCOME10')");
  }
  mysql_free_result(Res);
}
