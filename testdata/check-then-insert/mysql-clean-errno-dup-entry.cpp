// Clean: when the INSERT fails, mysql_errno() on the same connection is
// compared with ER_DUP_ENTRY (1062). The UNIQUE key on usernames(name) turns
// a lost race into that error, and the code reports "taken" instead of
// failing.
// REQUIRES: pkg(libmariadb)
#include <mysql.h>
#include <mysqld_error.h>

enum class Reserve { Done, Taken, Failed };

Reserve reserveName(MYSQL *Conn) {
  mysql_query(Conn, "SELECT 1 FROM usernames WHERE name = 'river'");
  MYSQL_RES *Res = mysql_store_result(Conn);
  const bool Taken = mysql_num_rows(Res) > 0;
  mysql_free_result(Res);
  if (Taken)
    return Reserve::Taken;
  // ok: sqlrace-check-then-insert
  if (mysql_query(Conn, "INSERT INTO usernames(name) VALUES ('river')") != 0)
    return mysql_errno(Conn) == ER_DUP_ENTRY ? Reserve::Taken : Reserve::Failed;
  return Reserve::Done;
}
