// Clean: the failed INSERT's mysql_errno() is stored in a local and compared
// with the literal 1062. A seat bought concurrently is rejected by the
// PRIMARY KEY (event_id, seat) and reported as sold out.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

enum class Buy { Bought, SoldOut, Failed };

Buy buySeat(MYSQL *Conn) {
  mysql_query(Conn, "SELECT holder_id FROM seats WHERE event_id = 12 AND seat = 'A1'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  mysql_free_result(Res);
  if (Row)
    return Buy::SoldOut;
  // ok: sqlrace-unhandled-unique-violation
  if (mysql_query(Conn, "INSERT INTO seats(event_id, seat, holder_id) VALUES (12, 'A1', 77)") != 0) {
    const unsigned int Err = mysql_errno(Conn);
    return Err == 1062 ? Buy::SoldOut : Buy::Failed;
  }
  return Buy::Bought;
}
