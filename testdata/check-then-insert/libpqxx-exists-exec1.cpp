// Racy: the built-in 'admin' role is seeded when SELECT EXISTS(...) run with
// exec1() returns false. Two replicas running this at start-up can both read
// false and both insert the role.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

void seedAdminRole(pqxx::connection &Conn) {
  pqxx::work W(Conn);
  if (!W.exec1("SELECT EXISTS(SELECT 1 FROM roles WHERE name = 'admin')")[0].as<bool>()) {
    // expect: sqlrace-check-then-insert insert into 'roles' can race ...*
    W.exec("INSERT INTO roles(name, description) VALUES ('admin', 'full access')");
  }
  W.commit();
}
