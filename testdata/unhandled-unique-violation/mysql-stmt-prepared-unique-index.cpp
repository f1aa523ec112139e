// Racy: a webhook handler stores an order once per external reference, with
// prepared statements. CREATE UNIQUE INDEX in the schema file rejects a
// second row for the same reference; when the provider retries the webhook
// concurrently, mysql_stmt_execute() fails with 1062 and nothing checks it.
// ARGS: --schema Inputs/uuv-mysql.sql --
// REQUIRES: pkg(libmariadb)
#include <cstring>
#include <mysql.h>

void storeOrder(MYSQL *Conn, MYSQL_BIND *Ref, MYSQL_BIND *RefAndTotal) {
  static const char Find[] = "SELECT id FROM orders WHERE external_ref = ?";
  static const char Add[] = "INSERT INTO orders(external_ref, total_cents) VALUES (?, ?)";
  MYSQL_STMT *Lookup = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Lookup, Find, strlen(Find));
  mysql_stmt_bind_param(Lookup, Ref);
  // note: sqlrace-unhandled-unique-violation existence of a 'orders' row checked here, keyed on (external_ref)
  mysql_stmt_execute(Lookup);
  const int Fetched = mysql_stmt_fetch(Lookup);
  mysql_stmt_close(Lookup);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Fetched != MYSQL_NO_DATA)
    return;
  MYSQL_STMT *Insert = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Insert, Add, strlen(Add));
  mysql_stmt_bind_param(Insert, RefAndTotal);
  // expect: sqlrace-unhandled-unique-violation insert into 'orders' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation 'uq_orders_external_ref' UNIQUE (external_ref) rejects the duplicate (declared at Inputs/uuv-mysql.sql:7)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (MySQL/MariaDB): INSERT IGNORE INTO orders(external_ref, total_cents) VALUES (?, ?)...*
  mysql_stmt_execute(Insert);
  mysql_stmt_close(Insert);
}
