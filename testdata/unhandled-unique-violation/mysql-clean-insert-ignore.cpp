// Clean: the INSERT is INSERT IGNORE, so a name reserved concurrently gives
// warning 1062 and 0 affected rows instead of an error. (IGNORE also hides
// truncation and NOT NULL errors; ON DUPLICATE KEY UPDATE is stricter.)
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <mysql.h>

bool claimName(MYSQL *Conn) {
  mysql_query(Conn, "SELECT user_id FROM usernames WHERE name = 'kestrel'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Taken = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  if (Taken)
    return false;
  // ok: sqlrace-unhandled-unique-violation
  mysql_query(Conn, "INSERT IGNORE INTO usernames(name, user_id) VALUES ('kestrel', 5)");
  return mysql_affected_rows(Conn) == 1;
}
