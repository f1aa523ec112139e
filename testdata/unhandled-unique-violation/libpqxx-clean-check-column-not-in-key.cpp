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
  if (W.exec_params("SELECT token FROM sessions WHERE user_id = $1", UserId).empty()) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'sessions' can race ...*
    W.exec_params("INSERT INTO sessions(token, user_id) VALUES ($1, $2)", NewToken, UserId);
  }
  W.commit();
}
