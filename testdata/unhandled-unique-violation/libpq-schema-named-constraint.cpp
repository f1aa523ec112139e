// Racy: the schema file declares CONSTRAINT accounts_email_key UNIQUE (email),
// and the code looks the address up before inserting. A concurrent signup
// between the two makes the INSERT fail with unique_violation (23505), which
// the code never looks for.
// ARGS: --schema Inputs/uuv-postgres.sql --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void openAccount(PGconn *Conn, const char *Email) {
  const char *Params[] = {Email};
  // note: sqlrace-unhandled-unique-violation existence of a 'accounts' row checked here, keyed on (email)
  PGresult *Res = PQexecParams(Conn, "SELECT id FROM accounts WHERE email = $1", 1, nullptr, Params, nullptr, nullptr, 0);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-unhandled-unique-violation insert into 'accounts' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation 'accounts_email_key' UNIQUE (email) rejects the duplicate (declared at Inputs/uuv-postgres.sql:4)
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (PostgreSQL): INSERT INTO accounts(email) VALUES ($1) ON CONFLICT (email) DO NOTHING, then tell a new row from an existing one by the affected-row count
    PQclear(PQexecParams(Conn, "INSERT INTO accounts(email) VALUES ($1)", 1, nullptr, Params, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
