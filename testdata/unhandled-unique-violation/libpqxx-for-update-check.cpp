// Racy: the check is SELECT ... FOR UPDATE, which locks nothing when no
// session row exists yet. With PRIMARY KEY (token), a concurrent insert of the
// same token makes this INSERT throw pqxx::unique_violation, uncaught.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

void ensureSession(pqxx::connection &Conn, const std::string &Token, long UserId) {
  pqxx::work W(Conn);
  // note: sqlrace-unhandled-unique-violation existence of a 'sessions' row checked here, keyed on (token)
  const pqxx::result R = W.exec_params("SELECT user_id FROM sessions WHERE token = $1 FOR UPDATE", Token);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (R.empty()) {
    // expect: sqlrace-unhandled-unique-violation insert into 'sessions' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation PRIMARY KEY (token) rejects the duplicate (declared at Inputs/uuv-postgres.sql:18)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO sessions(token, user_id) VALUES ($1, $2) ON CONFLICT (token) DO NOTHING, then tell a new row from an existing one by the affected-row count
    W.exec_params("INSERT INTO sessions(token, user_id) VALUES ($1, $2)", Token, UserId);
  }
  W.commit();
}
