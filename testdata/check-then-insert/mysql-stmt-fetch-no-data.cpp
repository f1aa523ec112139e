// Racy: prepared statements from mysql_stmt_init() on one connection. The
// lookup's mysql_stmt_fetch() returns MYSQL_NO_DATA for "no row", and then a
// second prepared statement inserts the device. Two first boots of the same
// device can both get MYSQL_NO_DATA and both register it.
// REQUIRES: pkg(libmariadb)
#include <cstring>
#include <mysql.h>

void registerDevice(MYSQL *Conn, MYSQL_BIND *Serial) {
  static const char Find[] = "SELECT id FROM devices WHERE serial = ?";
  static const char Add[] = "INSERT INTO devices(serial) VALUES (?)";
  MYSQL_STMT *Lookup = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Lookup, Find, strlen(Find));
  mysql_stmt_bind_param(Lookup, Serial);
  // note: sqlrace-check-then-insert existence of a 'devices' row checked here, keyed on (serial)
  mysql_stmt_execute(Lookup);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (mysql_stmt_fetch(Lookup) == MYSQL_NO_DATA) {
    MYSQL_STMT *Insert = mysql_stmt_init(Conn);
    mysql_stmt_prepare(Insert, Add, strlen(Add));
    mysql_stmt_bind_param(Insert, Serial);
    // expect: sqlrace-check-then-insert insert into 'devices' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO devices(serial) VALUES (?), backed by a UNIQUE constraint on devices (serial) (INSERT IGNORE also silences other errors such as truncation; ON DUPLICATE KEY UPDATE serial = serial is stricter)
    mysql_stmt_execute(Insert);
    mysql_stmt_close(Insert);
  }
  mysql_stmt_close(Lookup);
}
