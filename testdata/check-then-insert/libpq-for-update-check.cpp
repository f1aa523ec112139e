// Racy: the check is SELECT ... FOR UPDATE inside a transaction. In
// PostgreSQL FOR UPDATE locks only rows it returns; when no row matches it
// locks nothing, so two transactions both see "absent" and both insert.
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void claimCoupon(PGconn *Conn, const char *Code, const char *UserId) {
  const char *Params[] = {Code, UserId};
  PQclear(PQexec(Conn, "BEGIN"));
  // note: sqlrace-check-then-insert existence of a 'coupon_claims' row checked here, keyed on (code, user_id)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM coupon_claims WHERE code = $1 AND user_id = $2 FOR UPDATE", 2,
                               nullptr, Params, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // expect: sqlrace-check-then-insert insert into 'coupon_claims' can race with the preceding existence check; a concurrent client can insert the same row in between
    // note: sqlrace-check-then-insert SELECT ... FOR UPDATE locks no row when none matches, so another client's INSERT is not blocked
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO coupon_claims(code, user_id) VALUES ($1, $2) ON CONFLICT (code, user_id) DO NOTHING, backed by a UNIQUE constraint on coupon_claims (code, user_id)
    PQclear(PQexecParams(Conn, "INSERT INTO coupon_claims(code, user_id) VALUES ($1, $2)", 2, nullptr, Params, nullptr,
                         nullptr, 0));
  }
  PQclear(Res);
  PQclear(PQexec(Conn, "COMMIT"));
}
