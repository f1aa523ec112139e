// Racy: the built-in 'admin' role is seeded when SELECT EXISTS(...) run with
// exec1() returns false. Two replicas running this at start-up can both read
// false and both insert the role.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void seedAdminRole(pqxx::connection &Conn) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'roles' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!W.exec1("SELECT EXISTS(SELECT 1 FROM roles WHERE name = 'admin')")[0].as<bool>()) {
    // expect: sqlrace-check-then-insert insert into 'roles' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO roles(name, description) VALUES ('admin', 'full access') ON CONFLICT (name) DO NOTHING, backed by a UNIQUE constraint on roles (name)
    W.exec("INSERT INTO roles(name, description) VALUES ('admin', 'full access')");
  }
  W.commit();
}
