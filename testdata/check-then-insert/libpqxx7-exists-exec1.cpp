// Racy: a default tenant is seeded when SELECT EXISTS(...), run with exec1()
// (which returns the one row as a pqxx::row), says false. Two instances
// starting together can both read false and both insert the tenant.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

void seedDefaultTenant(pqxx::connection &Conn) {
  pqxx::work Tx(Conn);
  pqxx::row Exists = Tx.exec1("SELECT EXISTS(SELECT 1 FROM tenants WHERE slug = 'default')");
  if (!Exists[0].as<bool>()) {
    // expect: sqlrace-check-then-insert insert into 'tenants' can race ...*
    Tx.exec("INSERT INTO tenants(slug, name) VALUES ('default', 'Default tenant')");
  }
  Tx.commit();
}
