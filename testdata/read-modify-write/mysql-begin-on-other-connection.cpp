// Racy: START TRANSACTION is sent on the audit connection, not on the one
// that reads and writes the counter. That connection stays in autocommit
// mode, so its SELECT ... FOR UPDATE releases the lock at once and a
// concurrent request can read the same counter value.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstdlib>
#include <mysql.h>

long nextInvoiceNumber(MYSQL *Conn, MYSQL *Audit, long TenantId) {
  mysql_query(Audit, "START TRANSACTION");
  char Sql[200];
  snprintf(Sql, sizeof Sql, "SELECT last_number FROM invoice_counters WHERE tenant_id = %ld FOR UPDATE", TenantId);
  // note: sqlrace-read-modify-write 'last_number' read from 'invoice_counters' here, keyed on (tenant_id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  long Next = Row ? atol(Row[0]) + 1 : 1;
  mysql_free_result(Res);
  snprintf(Sql, sizeof Sql, "UPDATE invoice_counters SET last_number = %ld WHERE tenant_id = %ld", Next, TenantId);
  // expect: sqlrace-read-modify-write update of 'invoice_counters.last_number' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET last_number = last_number + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  mysql_query(Conn, Sql);
  mysql_query(Audit, "INSERT INTO audit_log (event) VALUES ('invoice number issued')");
  mysql_query(Audit, "COMMIT");
  return Next;
}
