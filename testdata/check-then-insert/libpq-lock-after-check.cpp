// Racy: the transaction and its advisory lock start only after the check has
// already answered "absent". The lock orders the inserts, but both clients
// decided to insert before either took it.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void addMember(PGconn *Conn, const char *TeamId, const char *UserId) {
  const char *Params[] = {TeamId, UserId};
  // note: sqlrace-check-then-insert existence of a 'memberships' row checked here, keyed on (team_id, user_id)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM memberships WHERE team_id = $1 AND user_id = $2", 2, nullptr, Params,
                               nullptr, nullptr, 0);
  const bool Absent = PQntuples(Res) == 0;
  PQclear(Res);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Absent) {
    PQclear(PQexec(Conn, "BEGIN"));
    PQclear(PQexecParams(Conn, "SELECT pg_advisory_xact_lock($1::int, $2::int)", 2, nullptr, Params, nullptr, nullptr, 0));
    // expect: sqlrace-check-then-insert insert into 'memberships' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO memberships(team_id, user_id) VALUES ($1, $2) ON CONFLICT (team_id, user_id) DO NOTHING, backed by a UNIQUE constraint on memberships (team_id, user_id)
    PQclear(PQexecParams(Conn, "INSERT INTO memberships(team_id, user_id) VALUES ($1, $2)", 2, nullptr, Params, nullptr,
                         nullptr, 0));
    PQclear(PQexec(Conn, "COMMIT"));
  }
}
