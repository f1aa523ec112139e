// Racy: a default tenant is seeded when SELECT EXISTS(...), run with exec1()
// (which returns the one row as a pqxx::row), says false. Two instances
// starting together can both read false and both insert the tenant.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

void seedDefaultTenant(pqxx::connection &Conn) {
  pqxx::work Tx(Conn);
  // note: sqlrace-check-then-insert existence of a 'tenants' row checked here, keyed on (slug)
  pqxx::row Exists = Tx.exec1("SELECT EXISTS(SELECT 1 FROM tenants WHERE slug = 'default')");
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Exists[0].as<bool>()) {
    // expect: sqlrace-check-then-insert insert into 'tenants' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO tenants(slug, name) VALUES ('default', 'Default tenant') ON CONFLICT (slug) DO NOTHING, backed by a UNIQUE constraint on tenants (slug)
    Tx.exec("INSERT INTO tenants(slug, name) VALUES ('default', 'Default tenant')");
  }
  Tx.commit();
}
