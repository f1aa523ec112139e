// Racy: licenseTaken() tells whether the license key has a row, and the
// caller inserts when it has none. UNIQUE KEY uq_license_key covers the
// helper's check, so a concurrent activation makes the INSERT fail with 1062,
// and the result is not examined.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <cstddef>
#include <mysql.h>

static bool licenseTaken(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation the check runs here, inside 'licenseTaken'
  mysql_query(Conn, "SELECT machine_id FROM licenses WHERE license_key = 'K-77AA'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  mysql_free_result(Res);
  return Row != NULL;
}

void bindLicense(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation existence of a 'licenses' row checked by calling 'licenseTaken', keyed on (license_key)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!licenseTaken(Conn)) {
    // expect: sqlrace-unhandled-unique-violation insert into 'licenses' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'uq_license_key' UNIQUE (license_key) rejects the duplicate (declared at Inputs/uuv-mysql.sql:5)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO licenses(license_key, machine_id) VALUES ('K-77AA', 3), then tell a new row from an existing one by the affected-row count
    mysql_query(Conn, "INSERT INTO licenses(license_key, machine_id) VALUES ('K-77AA', 3)");
  }
}
