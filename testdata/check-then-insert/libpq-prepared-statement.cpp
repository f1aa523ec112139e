// Racy: both statements are prepared with PQprepare() and run by name with
// PQexecPrepared(). Preparing does not change what runs on the server: a
// SELECT followed by an INSERT, with room for another client in between.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void registerDevice(PGconn *Conn, const char *Serial, const char *Model) {
  PQclear(PQprepare(Conn, "find_device", "SELECT id FROM devices WHERE serial = $1", 1, nullptr));
  PQclear(PQprepare(Conn, "add_device", "INSERT INTO devices(serial, model) VALUES ($1, $2)", 2, nullptr));

  const char *Key[] = {Serial};
  // note: sqlrace-check-then-insert existence of a 'devices' row checked here, keyed on (serial)
  PGresult *Found = PQexecPrepared(Conn, "find_device", 1, Key, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Found) == 0) {
    const char *Row[] = {Serial, Model};
    // expect: sqlrace-check-then-insert insert into 'devices' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO devices(serial, model) VALUES ($1, $2) ON CONFLICT (serial) DO NOTHING, backed by a UNIQUE constraint on devices (serial)
    PGresult *Added = PQexecPrepared(Conn, "add_device", 2, Row, nullptr, nullptr, 0);
    PQclear(Added);
  }
  PQclear(Found);
}
