// The SQLSTATE of a failed insert is compared with strncmp(). join() compares
// the five characters with "23505", the unique violation: handled.
// joinOtherCode() compares with "23503" (foreign key violation): the
// duplicate membership goes unhandled.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>
#include <cstring>

static bool member(PGconn *Conn, const char *const Key[2]) {
  // note: sqlrace-unhandled-unique-violation the check runs here, inside 'member'
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2", 2, nullptr, Key, nullptr, nullptr, 0);
  const bool Found = PQntuples(Res) > 0;
  PQclear(Res);
  return Found;
}

bool join(PGconn *Conn, const char *const Key[2]) {
  if (member(Conn, Key))
    return false;
  // ok: sqlrace-unhandled-unique-violation
  PGresult *Res = PQexecParams(Conn, "INSERT INTO team_members(team_id, user_id) VALUES ($1, $2)", 2, nullptr, Key, nullptr, nullptr, 0);
  const char *State = PQresultErrorField(Res, PG_DIAG_SQLSTATE);
  const bool Duplicate = State && strncmp(State, "23505", 5) == 0;
  PQclear(Res);
  return !Duplicate;
}

bool joinOtherCode(PGconn *Conn, const char *const Key[2]) {
  // note: sqlrace-unhandled-unique-violation existence of a 'team_members' row checked by calling 'member', keyed on (team_id, user_id)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (member(Conn, Key))
    return false;
  // expect: sqlrace-unhandled-unique-violation insert into 'team_members' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
  // note: sqlrace-unhandled-unique-violation PRIMARY KEY (team_id, user_id) rejects the duplicate (declared at Inputs/uuv-postgres.sql:9)
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO team_members(team_id, user_id) VALUES ($1, $2) ON CONFLICT (team_id, user_id) DO NOTHING, then tell a new row from an existing one by the affected-row count
  PGresult *Res = PQexecParams(Conn, "INSERT INTO team_members(team_id, user_id) VALUES ($1, $2)", 2, nullptr, Key, nullptr, nullptr, 0);
  const char *State = PQresultErrorField(Res, PG_DIAG_SQLSTATE);
  const bool MissingTeam = State && strncmp(State, "23503", 5) == 0;
  PQclear(Res);
  return !MissingTeam;
}
