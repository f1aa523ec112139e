// Racy: the INSERT's failure is inspected, but mysql_errno() is compared with
// ER_LOCK_DEADLOCK (1213) only. A duplicate from a concurrent client comes
// back as ER_DUP_ENTRY (1062), which this code does not recognise, so the
// race is not handled.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <mysqld_error.h>

bool recordVote(MYSQL *Conn) {
  // note: sqlrace-check-then-insert existence of a 'votes' row checked here, keyed on (poll_id, voter_id)
  mysql_query(Conn, "SELECT 1 FROM votes WHERE poll_id = 3 AND voter_id = 11");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Voted = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Voted)
    return false;
  // expect: sqlrace-check-then-insert insert into 'votes' can race ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO votes(poll_id, voter_id, choice) VALUES (3, 11, 'B'), backed by a UNIQUE constraint on votes (poll_id, voter_id) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE poll_id = poll_id is stricter)
  if (mysql_query(Conn, "INSERT INTO votes(poll_id, voter_id, choice) VALUES (3, 11, 'B')") != 0)
    return mysql_errno(Conn) == ER_LOCK_DEADLOCK;
  return true;
}
