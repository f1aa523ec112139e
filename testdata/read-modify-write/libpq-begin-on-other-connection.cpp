// Racy: BEGIN and COMMIT go to the connection of the audit log, while the
// quota is read (FOR UPDATE) and written on the main connection, which stays
// in autocommit mode. The row lock of the SELECT ends with the SELECT.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

void consumeQuota(PGconn *Conn, PGconn *Audit, const char *TenantId, int Units) {
  PQclear(PQexec(Audit, "BEGIN"));
  const char *Key[] = {TenantId};
  // note: sqlrace-read-modify-write 'remaining' read from 'quotas' here, keyed on (tenant_id)
  PGresult *Read = PQexecParams(Conn, "SELECT remaining FROM quotas WHERE tenant_id = $1 FOR UPDATE", 1, nullptr, Key, nullptr, nullptr, 0);
  const int Remaining = PQntuples(Read) == 1 ? atoi(PQgetvalue(Read, 0, 0)) : 0;
  PQclear(Read);
  const std::string Left = std::to_string(Remaining - Units);
  const char *Params[] = {TenantId, Left.c_str()};
  // expect: sqlrace-read-modify-write update of 'quotas.remaining' writes back a value computed from an earlier read...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE quotas SET remaining = remaining - $2 WHERE tenant_id = $1, binding the change instead of the new value
  PQclear(PQexecParams(Conn, "UPDATE quotas SET remaining = $2 WHERE tenant_id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  PQclear(PQexecParams(Audit, "INSERT INTO quota_log (tenant_id) VALUES ($1)", 1, nullptr, Key, nullptr, nullptr, 0));
  PQclear(PQexec(Audit, "COMMIT"));
}
