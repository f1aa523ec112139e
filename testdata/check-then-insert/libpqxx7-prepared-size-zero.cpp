// Racy: a device is registered through statements prepared with
// connection::prepare() (the libpqxx 7 spelling; 6.x had
// connection_base::prepare) and run with exec_prepared(). The serial number
// is inserted when the lookup returned size() == 0 rows, so two first
// contacts of the same device can both insert it.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>
#include <string>

void registerDevice(pqxx::connection &Conn, const std::string &Serial, int OwnerId) {
  Conn.prepare("find_device", "SELECT id FROM devices WHERE serial = $1");
  Conn.prepare("add_device", "INSERT INTO devices(serial, owner_id) VALUES ($1, $2)");
  pqxx::work Tx(Conn);
  // note: sqlrace-check-then-insert existence of a 'devices' row checked here, keyed on (serial)
  pqxx::result Found = Tx.exec_prepared("find_device", Serial);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Found.size() == 0)
    // expect: sqlrace-check-then-insert insert into 'devices' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO devices(serial, owner_id) VALUES ($1, $2) ON CONFLICT (serial) DO NOTHING, backed by a UNIQUE constraint on devices (serial)
    Tx.exec_prepared("add_device", Serial, OwnerId);
  Tx.commit();
}
