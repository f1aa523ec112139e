// Racy: the SELECT's sqlite3_step() result is kept in a local, the statement
// is finalized, and only then is the local tested. Storing the result first
// does not change anything: a second subscriber with the same address can
// slip in between the check and the INSERT.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void subscribe(sqlite3 *Db, const char *Email) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v3(Db, "SELECT id FROM subscribers WHERE email = ?", -1, 0, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Email, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'subscribers' row checked here, keyed on (email)
  int Rc = sqlite3_step(Find);
  sqlite3_finalize(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Rc != SQLITE_ROW) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v3(Db, "INSERT INTO subscribers(email) VALUES (?)", -1, 0, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Email, -1, SQLITE_STATIC);
    // expect: sqlrace-check-then-insert insert into 'subscribers' can race with the preceding existence check...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO subscribers(email) VALUES (?) ON CONFLICT (email) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on subscribers (email)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
}
