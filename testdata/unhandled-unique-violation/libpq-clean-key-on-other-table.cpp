// Clean for this check: users has UNIQUE (email), but the code checks and
// inserts invitations, which has no key on email. A key on another table
// rejects nothing here; the pair is reported as a plain check-then-insert.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void invite(PGconn *Conn, const char *Email, const char *InvitedBy) {
  const char *Key[] = {Email};
  const char *Row[] = {Email, InvitedBy};
  // note: sqlrace-check-then-insert existence of a 'invitations' row checked here, keyed on (email)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM invitations WHERE email = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'invitations' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO invitations(email, invited_by) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on invitations (email)
    PQclear(PQexecParams(Conn, "INSERT INTO invitations(email, invited_by) VALUES ($1, $2)", 2, nullptr, Row, nullptr,
                         nullptr, 0));
  }
  PQclear(Res);
}
