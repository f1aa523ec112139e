// Clean: the old display name is read only to write an audit line; the new
// name comes from the caller (a function parameter), not from the read, and
// nothing read from the row decides whether the UPDATE runs. Last writer wins,
// which is what a rename means.
// REQUIRES: pkg(libpq)
#include <cstdio>
#include <libpq-fe.h>

void renameUser(PGconn *Conn, const char *UserId, const char *NewName) {
  const char *Key[] = {UserId};
  PGresult *Read = PQexecParams(Conn, "SELECT display_name FROM users WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) == 1)
    std::printf("user %s: renaming '%s' to '%s'\n", UserId, PQgetvalue(Read, 0, 0), NewName);
  PQclear(Read);
  const char *Params[] = {UserId, NewName};
  // ok: sqlrace-read-modify-write
  PQclear(PQexecParams(Conn, "UPDATE users SET display_name = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
