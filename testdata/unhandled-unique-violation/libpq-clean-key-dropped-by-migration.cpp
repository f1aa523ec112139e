// Clean for this check: migration 001 declares coupons.code UNIQUE, but 003
// drops that constraint with ALTER TABLE ... DROP CONSTRAINT. After all
// migrations no key rejects a duplicate code, so the pair is a plain
// check-then-insert (duplicates are stored, not rejected).
// ARGS: --schema Inputs/uuv-postgres-migrations --
// REQUIRES: pkg(libpq)
#include <libpq-fe.h>

void createCoupon(PGconn *Conn, const char *Code, const char *Percent) {
  const char *Key[] = {Code};
  const char *Row[] = {Code, Percent};
  // note: sqlrace-check-then-insert existence of a 'coupons' row checked here, keyed on (code)
  PGresult *Res = PQexecParams(Conn, "SELECT 1 FROM coupons WHERE code = $1", 1, nullptr, Key, nullptr, nullptr, 0);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (PQntuples(Res) == 0) {
    // ok: sqlrace-unhandled-unique-violation
    // expect: sqlrace-check-then-insert insert into 'coupons' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO coupons(code, percent_off) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING, backed by a UNIQUE constraint on coupons (code)
    PQclear(PQexecParams(Conn, "INSERT INTO coupons(code, percent_off) VALUES ($1, $2)", 2, nullptr, Row, nullptr, nullptr, 0));
  }
  PQclear(Res);
}
