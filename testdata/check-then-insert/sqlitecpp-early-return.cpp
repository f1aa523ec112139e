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
  if (Find.executeStep())
    return false; // already subscribed

  SQLite::Statement Add(Db, "INSERT INTO subscribers(list_id, email) VALUES (?, ?)");
  Add.bind(1, ListId);
  Add.bind(2, Email);
  // expect: sqlrace-check-then-insert insert into 'subscribers' can race with ...*
  return Add.exec() == 1;
}
