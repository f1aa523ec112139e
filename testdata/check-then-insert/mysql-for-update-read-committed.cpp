// Racy: the next transaction is set to READ COMMITTED and the check is a
// SELECT ... FOR UPDATE. At READ COMMITTED InnoDB takes no gap lock, so when
// no row matches nothing is locked and two sessions both insert.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

void claimInvite(MYSQL *Conn) {
  mysql_query(Conn, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
  mysql_query(Conn, "START TRANSACTION");
  // note: sqlrace-check-then-insert existence of a 'invite_claims' row checked here, keyed on (invite_code)
  mysql_query(Conn, "SELECT id FROM invite_claims WHERE invite_code = 'Q7X2' FOR UPDATE");
  MYSQL_RES *Res = mysql_store_result(Conn);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_num_rows(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'invite_claims' can race ...*
    // note: sqlrace-check-then-insert SELECT ... FOR UPDATE outside a transaction locks nothing; inside one at READ COMMITTED it takes no gap lock
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO invite_claims(invite_code, user_id) VALUES ('Q7X2', 5)...*
    mysql_query(Conn, "INSERT INTO invite_claims(invite_code, user_id) VALUES ('Q7X2', 5)");
  }
  mysql_free_result(Res);
  mysql_query(Conn, "COMMIT");
}
