// Clean: optimistic concurrency. The document is written back only if its
// version is still the one read (AND version = $3), and PQcmdTuples() tells
// the caller whether the write happened; on "0" the caller re-reads and
// retries instead of overwriting someone else's edit.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <cstring>
#include <libpq-fe.h>
#include <string>

bool appendTag(PGconn *Conn, const char *DocId, const std::string &Tag) {
  const char *Key[] = {DocId};
  PGresult *Read = PQexecParams(Conn, "SELECT body, version FROM documents WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    return false;
  }
  std::string Body = PQgetvalue(Read, 0, 0);
  const std::string Version = PQgetvalue(Read, 0, 1);
  PQclear(Read);
  Body += "\n#" + Tag;
  const char *Params[] = {DocId, Body.c_str(), Version.c_str()};
  // ok: sqlrace-read-modify-write
  PGresult *Wrote = PQexecParams(Conn, "UPDATE documents SET body = $2, version = version + 1 WHERE id = $1 AND version = $3", 3, nullptr, Params, nullptr, nullptr, 0);
  const bool Won = strcmp(PQcmdTuples(Wrote), "1") == 0;
  PQclear(Wrote);
  return Won;
}
