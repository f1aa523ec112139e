// Login sessions. Both statements are safe under concurrency: the INSERT is
// arbitrated by the unique key on sessions(token), and the counter is
// incremented inside the UPDATE itself.
#include "signup/sessions.h"
#include "signup/db.h"

#include <string>

namespace signup {

bool openSession(PGconn *Conn, const std::string &Token, long AccountId) {
  const std::string Account = std::to_string(AccountId);
  const char *Params[] = {Token.c_str(), Account.c_str()};
  PgResult Res(PQexecParams(Conn,
                            "INSERT INTO sessions(token, account_id) VALUES ($1, $2) "
                            "ON CONFLICT (token) DO NOTHING",
                            2, nullptr, Params, nullptr, nullptr, 0));
  return Res.ok();
}

bool touchSession(PGconn *Conn, const std::string &Token) {
  const char *Params[] = {Token.c_str()};
  PgResult Res(PQexecParams(Conn,
                            "UPDATE sessions SET requests = requests + 1, last_seen = now() "
                            "WHERE token = $1",
                            1, nullptr, Params, nullptr, nullptr, 0));
  return Res.ok() && PQcmdTuples(Res.get())[0] != '0';
}

} // namespace signup
