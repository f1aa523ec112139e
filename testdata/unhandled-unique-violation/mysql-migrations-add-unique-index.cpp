// Racy: in the migration directory, 0001 creates vouchers without a key and
// 0002 adds UNIQUE INDEX uq_vouchers_code (code) with ALTER TABLE. After all
// migrations a second voucher with the same code is rejected with 1062, and
// the insert's failure is not examined.
// ARGS: --schema Inputs/uuv-mysql-migrations --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void issueVoucher(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation existence of a 'vouchers' row checked here, keyed on (code)
  mysql_query(Conn, "SELECT 1 FROM vouchers WHERE code = 'SPRING-25'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'vouchers' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'uq_vouchers_code' UNIQUE (code) rejects the duplicate (declared at Inputs/uuv-mysql-migrations/0002_voucher_code_unique.sql:2)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO vouchers(code, amount_cents) VALUES ('SPRING-25', 2500), then tell a new row from an existing one by the affected-row count
    mysql_query(Conn, "INSERT INTO vouchers(code, amount_cents) VALUES ('SPRING-25', 2500)");
  }
  mysql_free_result(Res);
}
