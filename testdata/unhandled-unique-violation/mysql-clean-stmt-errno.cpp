// Clean: prepared statements; when the INSERT's mysql_stmt_execute() fails,
// mysql_stmt_errno() is compared with ER_DUP_ENTRY. A retried webhook that
// stored the order concurrently is recognised as a duplicate delivery.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <cstring>
#include <mysql.h>
#include <mysqld_error.h>

bool storeOrder(MYSQL *Conn, MYSQL_BIND *Ref, MYSQL_BIND *RefAndTotal) {
  static const char Find[] = "SELECT id FROM orders WHERE external_ref = ?";
  static const char Add[] = "INSERT INTO orders(external_ref, total_cents) VALUES (?, ?)";
  MYSQL_STMT *Lookup = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Lookup, Find, strlen(Find));
  mysql_stmt_bind_param(Lookup, Ref);
  mysql_stmt_execute(Lookup);
  const bool Seen = mysql_stmt_fetch(Lookup) != MYSQL_NO_DATA;
  mysql_stmt_close(Lookup);
  if (Seen)
    return false;
  MYSQL_STMT *Insert = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Insert, Add, strlen(Add));
  mysql_stmt_bind_param(Insert, RefAndTotal);
  bool Stored = true;
  // ok: sqlrace-unhandled-unique-violation
  if (mysql_stmt_execute(Insert) != 0 && mysql_stmt_errno(Insert) == ER_DUP_ENTRY)
    Stored = false;
  mysql_stmt_close(Insert);
  return Stored;
}
