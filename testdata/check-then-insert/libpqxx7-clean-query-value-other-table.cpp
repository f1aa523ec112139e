// Clean: query_value<int>() counts rows of another table (the user's
// blocks), and the insert adds a follow; the check is not about the row
// that is inserted.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

void follow(pqxx::connection &Conn, int UserId, int OtherId) {
  pqxx::work Tx(Conn);
  if (Tx.query_value<int>("SELECT COUNT(*) FROM blocks WHERE blocker_id = " + Tx.quote(OtherId) + " AND blocked_id = " + Tx.quote(UserId)) == 0)
    // ok: sqlrace-check-then-insert
    Tx.exec_params("INSERT INTO follows(user_id, other_id) VALUES ($1, $2)", UserId, OtherId);
  Tx.commit();
}
