// Racy: pqxx::transaction<pqxx::repeatable_read> gives a stable snapshot, but
// REPEATABLE READ does not detect phantoms: another transaction can insert
// the same nickname after the check, and both commit without an error.
// REQUIRES: pkg(libpqxx)
#include <pqxx/pqxx>
#include <string>

bool setNickname(pqxx::connection &Conn, int UserId, const std::string &Nick) {
  pqxx::transaction<pqxx::repeatable_read> T(Conn);
  // note: sqlrace-check-then-insert existence of a 'nicknames' row checked here, keyed on (nick)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!T.exec_params("SELECT user_id FROM nicknames WHERE nick = $1", Nick).empty())
    return false;
  // expect: sqlrace-check-then-insert insert into 'nicknames' can race ...*
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert atomic rewrite (PostgreSQL): INSERT INTO nicknames(nick, user_id) VALUES ($1, $2) ON CONFLICT (nick) DO NOTHING, backed by a UNIQUE constraint on nicknames (nick)
  T.exec_params("INSERT INTO nicknames(nick, user_id) VALUES ($1, $2)", Nick, UserId);
  T.commit();
  return true;
}
