// Racy: the rating is read by looping over mysql_fetch_row() until the
// result is exhausted (the usual MySQL idiom, although the key matches one
// row), the new vote is folded into the average in C++ and the result is
// written back. Two votes cast together both start from the same count and
// average: one vote disappears.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

void vote(MYSQL *Conn, long ProductId, int Stars) {
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT votes, star_total FROM ratings WHERE product_id = %ld", ProductId);
  // note: sqlrace-read-modify-write 'star_total' read from 'ratings' here, keyed on (product_id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  long Votes = 0;
  long Total = 0;
  MYSQL_ROW Row;
  while ((Row = mysql_fetch_row(Res)) != nullptr) {
    Votes = atol(Row[0]);
    Total = atol(Row[1]);
  }
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE ratings SET star_total = %ld WHERE product_id = %ld", Total + Stars, ProductId);
  // expect: sqlrace-read-modify-write update of 'ratings.star_total' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET star_total = star_total + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  mysql_query(Conn, Sql);
  snprintf(Sql, sizeof Sql, "UPDATE ratings SET votes = votes + 1 WHERE product_id = %ld", ProductId);
  // ok: sqlrace-read-modify-write
  mysql_query(Conn, Sql);
  (void)Votes;
}
