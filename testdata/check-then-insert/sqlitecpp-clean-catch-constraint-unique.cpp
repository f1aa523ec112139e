// Clean: the insert is wrapped in a try whose handler compares
// getExtendedErrorCode() with SQLITE_CONSTRAINT_UNIQUE, so a duplicate
// inserted by a concurrent client between the check and the insert is
// recognised and reported as "taken" instead of escaping as an error.
// ARGS: -- -std=c++17
// REQUIRES: pkg(sqlite3)
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <string>

bool claimUsername(SQLite::Database &Db, const std::string &Name, int UserId) {
  SQLite::Statement Find(Db, "SELECT 1 FROM usernames WHERE name = ?");
  Find.bind(1, Name);
  if (Find.executeStep())
    return false;
  SQLite::Statement Add(Db, "INSERT INTO usernames(name, user_id) VALUES (?, ?)");
  Add.bind(1, Name);
  Add.bind(2, UserId);
  try {
    // ok: sqlrace-check-then-insert
    Add.exec();
  } catch (const SQLite::Exception &E) {
    if (E.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE)
      return false; // taken in the meantime
    throw;
  }
  return true;
}
