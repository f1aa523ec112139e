// Clean: prepared statements; when the INSERT's mysql_stmt_execute() fails,
// mysql_stmt_errno() is compared with 1062 (ER_DUP_ENTRY). A device inserted
// by a concurrent client is rejected by the UNIQUE key and treated as
// "already registered".
// REQUIRES: pkg(libmariadb)
#include <cstring>
#include <mysql.h>

bool registerDevice(MYSQL *Conn, MYSQL_BIND *Serial) {
  static const char Find[] = "SELECT id FROM devices WHERE serial = ?";
  static const char Add[] = "INSERT INTO devices(serial) VALUES (?)";
  MYSQL_STMT *Lookup = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Lookup, Find, strlen(Find));
  mysql_stmt_bind_param(Lookup, Serial);
  mysql_stmt_execute(Lookup);
  const bool Absent = mysql_stmt_fetch(Lookup) == MYSQL_NO_DATA;
  mysql_stmt_close(Lookup);
  if (!Absent)
    return false;
  MYSQL_STMT *Insert = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Insert, Add, strlen(Add));
  mysql_stmt_bind_param(Insert, Serial);
  bool Added = true;
  // ok: sqlrace-check-then-insert
  if (mysql_stmt_execute(Insert) != 0 && mysql_stmt_errno(Insert) == 1062)
    Added = false;
  mysql_stmt_close(Insert);
  return Added;
}
