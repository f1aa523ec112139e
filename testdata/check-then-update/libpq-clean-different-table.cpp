// Clean: the caller's role is read from 'users' and decides whether a feature
// flag may be switched, but the UPDATE writes 'feature_flags', not the row
// that was tested; it does not rely on that row staying the same.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <string>

bool enableFlag(PGconn *Conn, const char *AdminId, const char *Flag) {
  const char *Key[] = {AdminId};
  PGresult *Read = PQexecParams(Conn, "SELECT role FROM users WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const bool IsAdmin = PQntuples(Read) == 1 && std::string(PQgetvalue(Read, 0, 0)) == "admin";
  PQclear(Read);
  if (!IsAdmin)
    return false;
  const char *Params[] = {Flag};
  // ok: sqlrace-check-then-update
  PQclear(PQexecParams(Conn, "UPDATE feature_flags SET enabled = true WHERE name = $1", 1, nullptr, Params, nullptr, nullptr, 0));
  return true;
}
