// Racy: licenses has UNIQUE KEY (license_key) and the check fixes license_key
// and machine_id. A key on a subset of the checked columns covers the check:
// activating the same key twice at once (on any machines) makes the second
// INSERT fail with 1062, unhandled.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

bool activate(MYSQL *Conn) {
  mysql_query(Conn, "SELECT id FROM licenses WHERE license_key = 'K-93F1' AND machine_id = 8");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Active = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  if (Active)
    return true;
  // expect: sqlrace-unhandled-unique-violation insert into 'licenses' fails with a unique violation ...*
  return mysql_query(Conn, "INSERT INTO licenses(license_key, machine_id) VALUES ('K-93F1', 8)") == 0;
}
