// Racy: the INSERT is wrapped in try/catch, but the handler catches
// pqxx::foreign_key_violation (an unknown referrer). A duplicate from a
// concurrent client raises pqxx::unique_violation, which this handler does
// not catch, so nothing handles the race.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool registerReferral(pqxx::connection &Conn, const std::string &Code, int ReferrerId) {
  pqxx::work W(Conn);
  // note: sqlrace-check-then-insert existence of a 'referrals' row checked here, keyed on (code)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!W.exec_params("SELECT 1 FROM referrals WHERE code = $1", Code).empty())
    return false;
  try {
    // expect: sqlrace-check-then-insert insert into 'referrals' can race ...*
    // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
    // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO referrals(code, referrer_id) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING, backed by a UNIQUE constraint on referrals (code)
    W.exec_params("INSERT INTO referrals(code, referrer_id) VALUES ($1, $2)", Code, ReferrerId);
  } catch (const pqxx::foreign_key_violation &) {
    return false;
  }
  W.commit();
  return true;
}
