// Clean: the INSERT carries ON DUPLICATE KEY UPDATE, so a license bound
// concurrently is updated (affected rows 2) instead of failing with 1062.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void bindLicense(MYSQL *Conn) {
  mysql_query(Conn, "SELECT machine_id FROM licenses WHERE license_key = 'K-77AA'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  if (mysql_num_rows(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    mysql_query(Conn, "INSERT INTO licenses(license_key, machine_id) VALUES ('K-77AA', 3) "
                      "ON DUPLICATE KEY UPDATE machine_id = VALUES(machine_id)");
  }
  mysql_free_result(Res);
}
