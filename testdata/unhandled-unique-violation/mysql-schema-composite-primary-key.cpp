// Racy: seats has PRIMARY KEY (event_id, seat) in the schema file and the
// check fixes both columns. Two buyers of seat A1 can both fetch no row; the
// second INSERT fails with 1062, which nobody checks, so that buyer is told
// the purchase failed for no stated reason.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

bool buySeat(MYSQL *Conn) {
  // note: sqlrace-unhandled-unique-violation existence of a 'seats' row checked here, keyed on (event_id, seat)
  mysql_query(Conn, "SELECT holder_id FROM seats WHERE event_id = 12 AND seat = 'A1'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  bool Bought = false;
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!Row) {
    // expect: sqlrace-unhandled-unique-violation insert into 'seats' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation PRIMARY KEY (event_id, seat) rejects the duplicate (declared at Inputs/uuv-mysql.sql:4)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO seats(event_id, seat, holder_id) VALUES (12, 'A1', 77), then tell a new row from an existing one by the affected-row count
    Bought = mysql_query(Conn, "INSERT INTO seats(event_id, seat, holder_id) VALUES (12, 'A1', 77)") == 0;
  }
  mysql_free_result(Res);
  return Bought;
}
