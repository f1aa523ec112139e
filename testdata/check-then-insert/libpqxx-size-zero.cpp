// Racy: a shopping cart is created for a session when the lookup returns
// size() == 0 rows. Two tabs opened at once can both see no cart and both
// create one.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void ensureCart(pqxx::connection &Conn, const std::string &SessionId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT id FROM carts WHERE session_id = $1", SessionId);
  if (R.size() == 0) {
    // expect: sqlrace-check-then-insert insert into 'carts' can race ...*
    W.exec_params("INSERT INTO carts(session_id) VALUES ($1)", SessionId);
  }
  W.commit();
}
