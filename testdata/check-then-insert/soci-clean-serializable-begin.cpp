// Clean: on a PostgreSQL session, session::begin() is followed by SET
// TRANSACTION ISOLATION LEVEL SERIALIZABLE, so the check and the insert run
// in one serializable transaction; a concurrent duplicate makes one of the
// two commits fail with 40001 instead of inserting twice.
// REQUIRES: pkg(libpq)
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <string>

bool registerDevice(const std::string &Serial, int OwnerId) {
  soci::session Sql(soci::postgresql, "dbname=fleet");
  Sql.begin();
  Sql << "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE";
  int Known = 0;
  Sql << "SELECT COUNT(*) FROM devices WHERE serial = :serial", soci::use(Serial), soci::into(Known);
  if (Known > 0) {
    Sql.rollback();
    return false;
  }
  // ok: sqlrace-check-then-insert
  Sql << "INSERT INTO devices(serial, owner_id) VALUES (:serial, :owner)", soci::use(Serial), soci::use(OwnerId);
  Sql.commit();
  return true;
}
