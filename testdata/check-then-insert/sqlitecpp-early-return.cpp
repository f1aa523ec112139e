// Racy: the lookup returns early when the e-mail is already subscribed, so
// the INSERT below is reached only on the "no row" path. Nothing makes the
// two statements atomic: a double-clicked "subscribe" button can insert the
// address twice.
// ARGS: -- -std=c++17
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>

bool subscribe(SQLite::Database &Db, const std::string &Email, int ListId) {
  SQLite::Statement Find(Db, "SELECT 1 FROM subscribers WHERE list_id = ? AND email = ?");
  Find.bind(1, ListId);
  Find.bind(2, Email);
  // note: sqlrace-check-then-insert existence of a 'subscribers' row checked here, keyed on (list_id, email)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.executeStep())
    return false; // already subscribed

  SQLite::Statement Add(Db, "INSERT INTO subscribers(list_id, email) VALUES (?, ?)");
  Add.bind(1, ListId);
  Add.bind(2, Email);
  // expect: sqlrace-check-then-insert insert into 'subscribers' can race with ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO subscribers(list_id, email) VALUES (?, ?) ON CONFLICT (list_id, email) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on subscribers (list_id, email)
  return Add.exec() == 1;
}
