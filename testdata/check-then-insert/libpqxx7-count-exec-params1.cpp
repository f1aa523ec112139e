// Racy: a one-per-user vote is recorded when COUNT(*) of the user's votes on
// the poll is 0. exec_params1() returns the single row; its field is read
// with as<int>(). Two clicks at once both count 0 and both vote.
// ARGS: -- -std=c++17 -IInputs/pqxx7
#include <pqxx/pqxx>

bool vote(pqxx::connection &Conn, int PollId, int UserId, int Choice) {
  pqxx::work Tx(Conn);
  // note: sqlrace-check-then-insert existence of a 'votes' row checked here, keyed on (poll_id, user_id)
  pqxx::row Count = Tx.exec_params1("SELECT COUNT(*) FROM votes WHERE poll_id = $1 AND user_id = $2", PollId, UserId);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Count[0].as<int>() != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'votes' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO votes(poll_id, user_id, choice) VALUES ($1, $2, $3) ON CONFLICT (poll_id, user_id) DO NOTHING, backed by a UNIQUE constraint on votes (poll_id, user_id)
  Tx.exec_params("INSERT INTO votes(poll_id, user_id, choice) VALUES ($1, $2, $3)", PollId, UserId, Choice);
  Tx.commit();
  return true;
}
