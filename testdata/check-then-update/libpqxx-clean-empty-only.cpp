// Clean: the only test is r.empty() (is there such a device?), and the UPDATE
// writes server time, not anything read. A device deleted in between makes
// the UPDATE change nothing, which is fine for a heartbeat.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool heartbeat(pqxx::connection &Conn, const std::string &Serial) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT owner_id FROM devices WHERE serial = $1", Serial);
  if (R.empty())
    return false;
  // ok: sqlrace-check-then-update
  W.exec_params("UPDATE devices SET last_seen = now() WHERE serial = $1", Serial);
  W.commit();
  return true;
}
