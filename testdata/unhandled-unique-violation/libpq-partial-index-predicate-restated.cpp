// Racy: a partial unique index allows one active subscription per address
// (WHERE unsubscribed_at IS NULL), and the check restates that predicate, so
// the index covers it. A concurrent resubscribe makes the INSERT fail with
// 23505; the rewrite note repeats the predicate in ON CONFLICT.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void subscribe(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-unhandled-unique-violation existence of a 'newsletter_subs' row checked here, keyed on (email)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM newsletter_subs WHERE email = $1 AND unsubscribed_at IS NULL", 1,
                               nullptr, Params, nullptr, nullptr, 0);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'newsletter_subs' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'newsletter_subs_active' UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-postgres.sql:13)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO newsletter_subs(email) VALUES ($1) ON CONFLICT (email) WHERE unsubscribed_at IS NULL DO NOTHING, then tell a new row from an existing one by the affected-row count
    PQclear(PQexecParams(Conn, "INSERT INTO newsletter_subs(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
