// Racy: the INSERT is wrapped in a try block, but the catch only retries on
// SQLSTATE 40001 (serialization failure). A duplicate (23505) from a client
// that inserted the same serial between the check and the insert is not
// handled, so the catch does not make the check-then-insert safe.
// REQUIRES: pkg(libpq)
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <string>

bool registerDevice(soci::session &Sql, const std::string &Serial, int OwnerId) {
  int Known = 0;
  // note: sqlrace-check-then-insert existence of a 'devices' row checked here, keyed on (serial)
  Sql << "SELECT COUNT(*) FROM devices WHERE serial = :serial", soci::use(Serial), soci::into(Known);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Known > 0)
    return false;
  try {
    // expect: sqlrace-check-then-insert insert into 'devices' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on devices (serial) and use the dialect's insert-if-absent form or handle the unique violation
    Sql << "INSERT INTO devices(serial, owner_id) VALUES (:serial, :owner)", soci::use(Serial), soci::use(OwnerId);
  } catch (const soci::postgresql_soci_error &E) {
    if (E.sqlstate() == "40001")
      return false;
    throw;
  }
  return true;
}
