// Clean for this check: sessions' only key is PRIMARY KEY (token), but the
// check asks whether the user already has a session (user_id). The key is on
// a column the check does not fix, so it cannot reject the second session;
// the pair is a plain check-then-insert.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void ensureOneSession(pqxx::connection &Conn, long UserId, const std::string &NewToken) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'sessions' row checked here, keyed on (user_id)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (W.exec_params("SELECT token FROM sessions WHERE user_id = $1", UserId).empty()) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'sessions' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO sessions(token, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING, backed by a UNIQUE constraint on sessions (user_id)
    W.exec_params("INSERT INTO sessions(token, user_id) VALUES ($1, $2)", NewToken, UserId);
  }
  W.commit();
}
