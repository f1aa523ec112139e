// Racy: the check is SELECT ... FOR UPDATE, which locks nothing when no
// session row exists yet. With PRIMARY KEY (token), a concurrent insert of the
// same token makes this INSERT throw pqxx::unique_violation, uncaught.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void ensureSession(pqxx::connection &Conn, const std::string &Token, long UserId) {
  pqxx::work W(Conn);
  const pqxx::result R = W.exec_params("SELECT user_id FROM sessions WHERE token = $1 FOR UPDATE", Token);
  if (R.empty()) {
    // expect: sqlrace-unhandled-unique-violation insert into 'sessions' fails with a unique violation ...*
    W.exec_params("INSERT INTO sessions(token, user_id) VALUES ($1, $2)", Token, UserId);
  }
  W.commit();
}
