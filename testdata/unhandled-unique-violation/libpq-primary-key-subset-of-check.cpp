// Racy: push_tokens has PRIMARY KEY (token), and the check fixes token and
// user_id. A key on a subset of the checked columns covers the check: if the
// token is registered concurrently (by this or another user), the INSERT fails
// with 23505, unhandled.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void registerPushToken(PGconn *Conn, const char *Token, const char *UserId) {
  const char *Params[] = {Token, UserId};
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM push_tokens WHERE token = $1 AND user_id = $2", 2, nullptr, Params,
                               nullptr, nullptr, 0);
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'push_tokens' fails with a unique violation ...*
    PQclear(PQexecParams(Conn, "INSERT INTO push_tokens(token, user_id) VALUES ($1, $2)", 2, nullptr, Params, nullptr,
                         nullptr, 0));
  }
  PQclear(Res);
}
