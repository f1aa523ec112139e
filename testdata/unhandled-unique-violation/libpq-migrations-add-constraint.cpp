// Racy: the key comes from a migration directory: 001 creates api_clients
// without a key and 002 adds UNIQUE (client_id) with ALTER TABLE. The schema
// after all migrations rejects a second registration of a client id, and the
// code does not handle that error.
// ARGS: --schema Inputs/uuv-postgres-migrations --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void registerClient(PGconn *Conn, const char *ClientId, const char *Name) {
  const char *Key[] = {ClientId};
  const char *Row[] = {ClientId, Name};
  // note: sqlrace-unhandled-unique-violation existence of a 'api_clients' row checked here, keyed on (client_id)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM api_clients WHERE client_id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'api_clients' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'api_clients_client_id_key' UNIQUE (client_id) rejects the duplicate (declared at Inputs/uuv-postgres-migrations/002_api_client_id_unique.sql:1)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): ...*ON CONFLICT (client_id) DO NOTHING...*
    PQclear(PQexecParams(Conn, "INSERT INTO api_clients(client_id, name) VALUES ($1, $2)", 2, nullptr, Row, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
