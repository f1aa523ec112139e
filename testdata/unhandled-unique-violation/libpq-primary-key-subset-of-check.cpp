// Racy: push_tokens has PRIMARY KEY (token), and the check fixes token and
// user_id. A key on a subset of the checked columns covers the check: if the
// token is registered concurrently (by this or another user), the INSERT fails
// with 23505, unhandled.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void registerPushToken(PGconn *Conn, const char *Token, const char *UserId) {
  const char *Params[] = {Token, UserId};
  // note: sqlrace-unhandled-unique-violation existence of a 'push_tokens' row checked here, keyed on (token, user_id)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM push_tokens WHERE token = $1 AND user_id = $2", 2, nullptr, Params,
                               nullptr, nullptr, 0);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'push_tokens' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation PRIMARY KEY (token) rejects the duplicate (declared at Inputs/uuv-postgres.sql:14)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO push_tokens(token, user_id) VALUES ($1, $2) ON CONFLICT (token) DO NOTHING, then tell a new row from an existing one by the affected-row count
    PQclear(PQexecParams(Conn, "INSERT INTO push_tokens(token, user_id) VALUES ($1, $2)", 2, nullptr, Params, nullptr,
                         nullptr, 0));
  }
  PQclear(Res);
}
