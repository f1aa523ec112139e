// Clean: BEGIN ISOLATION LEVEL SERIALIZABLE around the read and the write.
// A concurrent write of the same row makes one of the two transactions fail
// with 40001; the caller sees COMMIT (or the UPDATE) fail and retries.
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool reserve(PGconn *Conn, const char *ShowId, int Seats) {
  PQclear(PQexec(Conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"));
  const char *Key[] = {ShowId};
  PGresult *Read = PQexecParams(Conn, "SELECT seats_left FROM shows WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  if (PQntuples(Read) != 1) {
    PQclear(Read);
    PQclear(PQexec(Conn, "ROLLBACK"));
    return false;
  }
  const int Left = atoi(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  const std::string New = std::to_string(Left - Seats);
  const char *Params[] = {ShowId, New.c_str()};
  // ok: sqlrace-read-modify-write
  PQclear(PQexecParams(Conn, "UPDATE shows SET seats_left = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  PGresult *Done = PQexec(Conn, "COMMIT");
  const bool Ok = PQresultStatus(Done) == PGRES_COMMAND_OK;
  PQclear(Done);
  return Ok;
}
