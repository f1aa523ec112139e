// Racy: licenses has UNIQUE KEY (license_key) and the check fixes license_key
// and machine_id. A key on a subset of the checked columns covers the check:
// activating the same key twice at once (on any machines) makes the second
// INSERT fail with 1062, unhandled.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

bool activate(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation existence of a 'licenses' row checked here, keyed on (license_key, machine_id)
  mysql_query(Conn, "SELECT id FROM licenses WHERE license_key = 'K-93F1' AND machine_id = 8");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Active = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Active)
    return true;
  // expect: sqlrace-unhandled-unique-violation insert into 'licenses' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation 'uq_license_key' UNIQUE (license_key) rejects the duplicate (declared at Inputs/uuv-mysql.sql:5)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO licenses(license_key, machine_id) VALUES ('K-93F1', 8), then tell a new row from an existing one by the affected-row count
  return mysql_query(Conn, "INSERT INTO licenses(license_key, machine_id) VALUES ('K-93F1', 8)") == 0;
}
