// Racy: hasVoted() runs the lookup in the caller's pqxx::work and returns
// whether a row came back; the caller inserts the vote when it did not. The
// helper's result tells the check's outcome, so this is a check-then-insert.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>

static bool hasVoted(pqxx::work &W, int PollId, int UserId) {
  return !W.exec_params("SELECT 1 FROM votes WHERE poll_id = $1 AND user_id = $2", PollId, UserId).empty();
}

void vote(pqxx::connection &Conn, int PollId, int UserId, int Choice) {
  pqxx::work W(Conn);
  if (!hasVoted(W, PollId, UserId)) {
    // expect: sqlrace-check-then-insert insert into 'votes' can race ...*
    W.exec_params("INSERT INTO votes(poll_id, user_id, choice) VALUES ($1, $2, $3)", PollId, UserId, Choice);
  }
  W.commit();
}
