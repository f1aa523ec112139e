// Racy: the value read is converted with std::stoi() / std::stol(), changed
// in C++ and written back with SQL text built by sprintf(). Two clients that
// read the same value both write their own result: one change is lost.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <cstdio>
#include <string>

void addStars(PGconn *Conn, int RepoId, int Stars) {
  char Sql[128];
  sprintf(Sql, "SELECT stars FROM repos WHERE id = %d", RepoId);
  // note: sqlrace-read-modify-write 'stars' read from 'repos' here, keyed on (id)
  // note: sqlrace-read-modify-write this SQL is partly unknown at analysis time; its table and key come from the known parts
  PGresult *Read = PQexec(Conn, Sql);
  const int Current = std::stoi(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  sprintf(Sql, "UPDATE repos SET stars = %d WHERE id = %d", Current + Stars, RepoId);
  // expect: sqlrace-read-modify-write update of 'repos.stars' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write compute the new value in the UPDATE itself (SET stars = stars + <change>), or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  // note: sqlrace-read-modify-write SQL partly unknown at analysis time
  PQclear(PQexec(Conn, Sql));
}

void addDownloads(PGconn *Conn, const char *const Id[1], long Count) {
  // note: sqlrace-read-modify-write 'downloads' read from 'packages' here, keyed on (id)
  PGresult *Read = PQexecParams(Conn, "SELECT downloads FROM packages WHERE id = $1", 1, nullptr, Id, nullptr, nullptr, 0);
  const long Current = std::stol(PQgetvalue(Read, 0, 0));
  PQclear(Read);
  const std::string Next = std::to_string(Current + Count);
  const char *Params[] = {Id[0], Next.c_str()};
  // expect: sqlrace-read-modify-write update of 'packages.downloads' writes back a value computed from an earlier read; an update made by another client in between is lost
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite (PostgreSQL): UPDATE packages SET downloads = downloads + $2 WHERE id = $1, binding the change instead of the new value
  PQclear(PQexecParams(Conn, "UPDATE packages SET downloads = $2 WHERE id = $1", 2, nullptr, Params, nullptr, nullptr, 0));
}
