// Clean: a login event is appended only for devices that have logged in
// before; unknown devices go through an approval flow instead. The INSERT is
// on the "row found" branch, so a concurrent insert cannot turn a wrong
// "absent" answer into a duplicate.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool recordKnownDeviceLogin(PGconn *Conn, const char *DeviceId) {
  const char *Params[] = {DeviceId};
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM device_logins WHERE device_id = $1 LIMIT 1", 1, nullptr, Params,
                               nullptr, nullptr, 0);
  const bool Known = PQntuples(Res) > 0;
  PQclear(Res);
  if (Known) {
    // ok: sqlrace-check-then-insert
    PQclear(PQexecParams(Conn, "INSERT INTO device_logins(device_id, at) VALUES ($1, now())", 1, nullptr, Params,
                         nullptr, nullptr, 0));
  }
  return Known;
}
