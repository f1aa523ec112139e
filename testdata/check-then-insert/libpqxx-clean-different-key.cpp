// Clean: the check is keyed on the session token, but the INSERT does not
// write a token: the database generates a fresh one (column default). Another
// client cannot create a row that the check would have found, so there is no
// duplicate to race for.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

std::string resumeOrStartSession(pqxx::connection &Conn, const std::string &Token, int UserId) {
  pqxx::work W(Conn);
  pqxx::result R = W.exec_params("SELECT user_id FROM sessions WHERE token = $1", Token);
  std::string Current = Token;
  if (R.empty()) {
    // ok: sqlrace-check-then-insert
    pqxx::result Fresh = W.exec_params("INSERT INTO sessions(user_id) VALUES ($1) RETURNING token", UserId);
    Current = Fresh[0][0].as<std::string>();
  }
  W.commit();
  return Current;
}
