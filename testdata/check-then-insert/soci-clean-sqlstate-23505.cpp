// Clean: the check is only a fast path. The INSERT runs in a try block whose
// catch of soci::postgresql_soci_error compares sqlstate() with "23505"
// (unique_violation), so the client that loses the race sees the duplicate
// reported by the database and treats it as "already registered".
// REQUIRES: pkg(libpq)
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <string>

bool registerDevice(soci::session &Sql, const std::string &Serial, int OwnerId) {
  int Known = 0;
  Sql << "SELECT COUNT(*) FROM devices WHERE serial = :serial", soci::use(Serial), soci::into(Known);
  if (Known > 0)
    return false;
  try {
    // ok: sqlrace-check-then-insert
    Sql << "INSERT INTO devices(serial, owner_id) VALUES (:serial, :owner)", soci::use(Serial), soci::use(OwnerId);
  } catch (const soci::postgresql_soci_error &E) {
    if (E.sqlstate() == "23505")
      return false;
    throw;
  }
  return true;
}
