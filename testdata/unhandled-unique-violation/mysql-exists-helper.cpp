// Racy: licenseTaken() tells whether the license key has a row, and the
// caller inserts when it has none. UNIQUE KEY uq_license_key covers the
// helper's check, so a concurrent activation makes the INSERT fail with 1062,
// and the result is not examined.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <cstddef>
#include <mysql.h>

static bool licenseTaken(MYSQL *Conn) {
  mysql_query(Conn, "SELECT machine_id FROM licenses WHERE license_key = 'K-77AA'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  mysql_free_result(Res);
  return Row != NULL;
}

void bindLicense(MYSQL *Conn) {
  if (!licenseTaken(Conn)) {
    // expect: sqlrace-unhandled-unique-violation insert into 'licenses' fails with a unique violation ...*
    mysql_query(Conn, "INSERT INTO licenses(license_key, machine_id) VALUES ('K-77AA', 3)");
  }
}
