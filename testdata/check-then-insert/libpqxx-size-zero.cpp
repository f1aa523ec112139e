// Racy: a shopping cart is created for a session when the lookup returns
// size() == 0 rows. Two tabs opened at once can both see no cart and both
// create one.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void ensureCart(pqxx::connection &Conn, const std::string &SessionId) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'carts' row checked here, keyed on (session_id)
  pqxx::result R = W.exec_params("SELECT id FROM carts WHERE session_id = $1", SessionId);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (R.size() == 0) {
    // expect: sqlrace-check-then-insert insert into 'carts' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO carts(session_id) VALUES ($1) ON CONFLICT (session_id) DO NOTHING, backed by a UNIQUE constraint on carts (session_id)
    W.exec_params("INSERT INTO carts(session_id) VALUES ($1)", SessionId);
  }
  W.commit();
}
