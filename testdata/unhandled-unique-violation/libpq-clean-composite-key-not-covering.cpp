// Clean for this check: projects has UNIQUE (org_id, name), but the check
// fixes only name. That key does not cover the check (two organisations may
// share a name), so a duplicate name is not rejected: this is a plain
// check-then-insert, not an unhandled unique violation.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void createProject(PGconn *Conn, const char *OrgId, const char *Name) {
  const char *Key[] = {Name};
  const char *Row[] = {OrgId, Name};
  // note: sqlrace-check-then-insert existence of a 'projects' row checked here, keyed on (name)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM projects WHERE name = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'projects' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO projects(org_id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING, backed by a UNIQUE constraint on projects (name)
    PQclear(PQexecParams(Conn, "INSERT INTO projects(org_id, name) VALUES ($1, $2)", 2, nullptr, Row, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
