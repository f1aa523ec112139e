// Racy: the statements are registered with connection::prepare() and run with
// exec_prepared(). A prepared statement is still a separate round trip, so the
// API key label can be taken by another request between check and insert.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool createApiKey(pqxx::connection &Conn, int OwnerId, const std::string &Label, const std::string &Hash) {
  Conn.prepare("find_key", "SELECT 1 FROM api_keys WHERE owner_id = $1 AND label = $2");
  Conn.prepare("add_key", "INSERT INTO api_keys(owner_id, label, secret_hash) VALUES ($1, $2, $3)");
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'api_keys' row checked here, keyed on (owner_id, label)
  pqxx::result R = W.exec_prepared("find_key", OwnerId, Label);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (R.empty()) {
    // expect: sqlrace-check-then-insert insert into 'api_keys' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE...*
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO api_keys...*ON CONFLICT (owner_id, label) DO NOTHING, backed by a UNIQUE constraint on api_keys (owner_id, label)
    W.exec_prepared("add_key", OwnerId, Label, Hash);
    W.commit();
    return true;
  }
  return false;
}
