// Clean: the backend-independent SOCI idiom for a duplicate. The catch of
// soci::soci_error tests get_error_category() == constraint_violation and
// reports "already registered", so the client that loses the race between
// the check and the insert gets a handled unique violation, not a duplicate.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool registerDevice(soci::session &Sql, const std::string &Serial, int OwnerId) {
  int Known = 0;
  Sql << "SELECT COUNT(*) FROM devices WHERE serial = :serial", soci::use(Serial), soci::into(Known);
  if (Known > 0)
    return false;
  try {
    // ok: sqlrace-check-then-insert
    Sql << "INSERT INTO devices(serial, owner_id) VALUES (:serial, :owner)", soci::use(Serial), soci::use(OwnerId);
  } catch (const soci::soci_error &E) {
    if (E.get_error_category() == soci::soci_error::constraint_violation)
      return false;
    throw;
  }
  return true;
}
