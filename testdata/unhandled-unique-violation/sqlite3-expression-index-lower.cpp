// Racy: the unique index is on lower(email) and the check compares
// lower(email) = lower(?), which that index covers. Two signups that differ
// only in case can both pass the check; the second INSERT fails with
// SQLITE_CONSTRAINT, and its result is not looked at.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT NOT NULL)", nullptr, nullptr, nullptr);
  // note: sqlrace-unhandled-unique-violation 'users_email_ci' UNIQUE (lower(email)) rejects the duplicate
  sqlite3_exec(Db, "CREATE UNIQUE INDEX IF NOT EXISTS users_email_ci ON users(lower(email))", nullptr, nullptr, nullptr);
}

void signUp(sqlite3 *Db, const char *Email) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM users WHERE lower(email) = lower(?)", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Email, -1, SQLITE_STATIC);
  // note: sqlrace-unhandled-unique-violation existence of a 'users' row checked here, keyed on (email)
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO users(email) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Email, -1, SQLITE_STATIC);
    // expect: sqlrace-unhandled-unique-violation insert into 'users' fails with a unique violation ...*
    // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
    // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO users(email) VALUES (?) ON CONFLICT (lower(email)) DO NOTHING, then tell a new row from an existing one by the affected-row count
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
