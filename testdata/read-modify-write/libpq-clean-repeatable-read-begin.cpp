// Clean: BEGIN ISOLATION LEVEL REPEATABLE READ around the read and the write.
// In PostgreSQL this is enough against a lost update: if another client
// updates the row after this transaction's snapshot, this UPDATE fails with
// 40001 ("could not serialize access due to concurrent update") and the
// caller retries. (InnoDB's REPEATABLE READ does not do this, see
// mysql-repeatable-read-plain-read.cpp.)
// REQUIRES: pkg(libpq)
#include <cstdlib>
#include <libpq-fe.h>
#include <string>

bool addPoints(PGconn *Conn, const char *MemberId, long Earned) {
  PQclear(PQexec(Conn, "BEGIN ISOLATION LEVEL REPEATABLE READ"));
  const char *Key[] = {MemberId};
  PGresult *Read = PQexecParams(Conn, "SELECT points FROM members WHERE id = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  const long Points = PQntuples(Read) == 1 ? atol(PQgetvalue(Read, 0, 0)) : 0;
  PQclear(Read);
  const std::string New = std::to_string(Points + Earned);
  const char *Params[] = {MemberId, New.c_str()};
  // ok: sqlrace-read-modify-write
  PQclear(PQexecParams(Conn, "UPDATE members SET points = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
  PGresult *Done = PQexec(Conn, "COMMIT");
  const bool Ok = PQresultStatus(Done) == PGRES_COMMAND_OK;
  PQclear(Done);
  return Ok;
}
