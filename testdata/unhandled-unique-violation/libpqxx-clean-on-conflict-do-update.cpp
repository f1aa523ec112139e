// Clean: the INSERT is ON CONFLICT (token) DO UPDATE, matching sessions'
// PRIMARY KEY. A session created concurrently for the same token is updated
// in place instead of raising a unique violation.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void ensureSession(pqxx::connection &Conn, const std::string &Token, long UserId) {
  pqxx::work W(Conn);
  if (W.exec_params("SELECT 1 FROM sessions WHERE token = $1", Token).empty()) {
    // ok: sqlrace-unhandled-unique-violation
    W.exec_params("INSERT INTO sessions(token, user_id) VALUES ($1, $2) "
                  "ON CONFLICT (token) DO UPDATE SET user_id = EXCLUDED.user_id",
                  Token, UserId);
  }
  W.commit();
}
