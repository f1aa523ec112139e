// Racy: the session is opened with the PostgreSQL backend and the check and
// the insert run inside a soci::transaction. A plain transaction is READ
// COMMITTED in PostgreSQL: another client can still insert the same device
// between the COUNT and the INSERT, so the transaction alone does not help.
// REQUIRES: pkg(libpq)
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <string>

bool registerDevice(const std::string &Serial, int OwnerId) {
  soci::session Sql(soci::postgresql, "dbname=fleet");
  soci::transaction Tr(Sql);
  int Known = 0;
  // note: sqlrace-check-then-insert existence of a 'devices' row checked here, keyed on (serial)
  Sql << "SELECT COUNT(*) FROM devices WHERE serial = :serial", soci::use(Serial), soci::into(Known);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Known > 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'devices' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO devices(serial, owner_id) VALUES (:serial, :owner) ON CONFLICT (serial) DO NOTHING, backed by a UNIQUE constraint on devices (serial)
  Sql << "INSERT INTO devices(serial, owner_id) VALUES (:serial, :owner)", soci::use(Serial), soci::use(OwnerId);
  Tr.commit();
  return true;
}
