// Clean: the only test is PQntuples() (does the user exist?), and the UPDATE
// writes a server-side timestamp that does not depend on anything read. If
// the user is deleted in between, the UPDATE simply changes nothing.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

bool touchLogin(PGconn *Conn, const char *UserId) {
  const char *Key[] = {UserId};
  PGresult *Read = PQexecParams(Conn, "SELECT email FROM users WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool Known = PQntuples(Read) == 1;
  PQclear(Read);
  if (!Known)
    return false;
  // ok: sqlrace-check-then-update
  PQclear(PQexecParams(Conn, "UPDATE users SET last_login = now() WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0));
  return true;
}
