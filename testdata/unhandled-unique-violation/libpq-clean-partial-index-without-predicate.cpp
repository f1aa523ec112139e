// Clean for this check: the unique index on newsletter_subs(email) is partial
// (WHERE unsubscribed_at IS NULL), and the check does not restate that
// predicate, so the index does not cover it. The pair is reported as a plain
// check-then-insert instead.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void subscribe(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-check-then-insert existence of a 'newsletter_subs' row checked here, keyed on (email)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM newsletter_subs WHERE email = $1", 1, nullptr, Params, nullptr,
                               nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'newsletter_subs' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO newsletter_subs(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, backed by a UNIQUE constraint on newsletter_subs (email)
    PQclear(PQexecParams(Conn, "INSERT INTO newsletter_subs(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
