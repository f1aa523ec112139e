// Racy: BEGIN IMMEDIATE is run on the cache database's connection, while the
// check and the insert use the main database. The write lock is per database
// file, so the main database's check and insert are still two autocommit
// statements with a gap between them.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void rememberHost(sqlite3 *Main, sqlite3 *Cache, const char *Host) {
  sqlite3_exec(Cache, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Main, "SELECT 1 FROM known_hosts WHERE host = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Host, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'known_hosts' row checked here, keyed on (host)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Main, "INSERT INTO known_hosts(host) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Host, -1, SQLITE_STATIC);
    // expect: sqlrace-check-then-insert insert into 'known_hosts' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO known_hosts(host) VALUES (?) ON CONFLICT (host) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on known_hosts (host)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  sqlite3_exec(Cache, "COMMIT", nullptr, nullptr, nullptr);
}
