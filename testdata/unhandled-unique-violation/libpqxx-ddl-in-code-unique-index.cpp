// Racy: the service's own migration creates a unique index on
// handles(handle), and claiming a handle checks first and then inserts. A
// concurrent claim makes the INSERT throw pqxx::unique_violation, which
// nothing catches, so the request fails with an exception.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void migrate(pqxx::connection &Conn) {
  pqxx::work W(Conn);
  W.exec("CREATE TABLE IF NOT EXISTS handles (id serial PRIMARY KEY, handle text NOT NULL, user_id int NOT NULL)");
  // note: sqlrace-unhandled-unique-violation 'handles_handle_key' UNIQUE (handle) rejects the duplicate
  W.exec("CREATE UNIQUE INDEX IF NOT EXISTS handles_handle_key ON handles (handle)");
  W.commit();
}

bool claimHandle(pqxx::connection &Conn, const std::string &Handle, int UserId) {
  pqxx::work W(Conn);
  // note: sqlrace-unhandled-unique-violation existence of a 'handles' row checked here, keyed on (handle)
  const pqxx::result R = W.exec_params("SELECT user_id FROM handles WHERE handle = $1", Handle);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!R.empty())
    return false;
  // expect: sqlrace-unhandled-unique-violation insert into 'handles' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO handles(handle, user_id) VALUES ($1, $2) ON CONFLICT (handle) DO NOTHING, then tell a new row from an existing one by the affected-row count
  W.exec_params("INSERT INTO handles(handle, user_id) VALUES ($1, $2)", Handle, UserId);
  W.commit();
  return true;
}
