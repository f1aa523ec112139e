// Racy: the INSERT is wrapped in a try, but the handler only recognises
// SQLITE_BUSY and rethrows everything else. A duplicate created by a
// concurrent client between the check and the insert is not handled.
// ARGS: -- -std=c++17
// REQUIRES: pkg(sqlite3)
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <string>

bool claimUsername(SQLite::Database &Db, const std::string &Name, int UserId) {
  SQLite::Statement Find(Db, "SELECT 1 FROM usernames WHERE name = ?");
  Find.bind(1, Name);
  // note: sqlrace-check-then-insert existence of a 'usernames' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Find.executeStep())
    return false;
  SQLite::Statement Add(Db, "INSERT INTO usernames(name, user_id) VALUES (?, ?)");
  Add.bind(1, Name);
  Add.bind(2, UserId);
  try {
    // expect: sqlrace-check-then-insert insert into 'usernames' ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO usernames(name, user_id) VALUES (?, ?) ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on usernames (name)
    Add.exec();
  } catch (const SQLite::Exception &E) {
    if (E.getErrorCode() == SQLITE_BUSY)
      return false; // try again later
    throw;
  }
  return true;
}
