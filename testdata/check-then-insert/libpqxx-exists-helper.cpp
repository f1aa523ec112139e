// Racy: hasVoted() runs the lookup in the caller's pqxx::work and returns
// whether a row came back; the caller inserts the vote when it did not. The
// helper's result tells the check's outcome, so this is a check-then-insert.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

static bool hasVoted(pqxx::work &W, int PollId, int UserId) {
  // note: sqlrace-check-then-insert the check runs here, inside 'hasVoted'
  return !W.exec_params("SELECT 1 FROM votes WHERE poll_id = $1 AND user_id = $2", PollId, UserId).empty();
}

void vote(pqxx::connection &Conn, int PollId, int UserId, int Choice) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'votes' row checked by calling 'hasVoted', keyed on (poll_id, user_id)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!hasVoted(W, PollId, UserId)) {
    // expect: sqlrace-check-then-insert insert into 'votes' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO votes(poll_id, user_id, choice) VALUES ($1, $2, $3) ON CONFLICT (poll_id, user_id) DO NOTHING, backed by a UNIQUE constraint on votes (poll_id, user_id)
    W.exec_params("INSERT INTO votes(poll_id, user_id, choice) VALUES ($1, $2, $3)", PollId, UserId, Choice);
  }
  W.commit();
}
