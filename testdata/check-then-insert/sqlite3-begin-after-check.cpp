// Racy: BEGIN IMMEDIATE is issued after the lookup has already answered
// "absent". The write lock orders the two inserts, but both clients made the
// decision to insert before either of them held it.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void addBookmark(sqlite3 *Db, const char *Url) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM bookmarks WHERE url = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Url, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'bookmarks' row checked here, keyed on (url)
  const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (!Absent)
    return;
  sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO bookmarks(url) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Url, -1, SQLITE_STATIC);
  // expect: sqlrace-check-then-insert insert into 'bookmarks' can race ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO bookmarks(url) VALUES (?) ON CONFLICT (url) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on bookmarks (url)
  sqlite3_step(Add);
  sqlite3_finalize(Add);
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
}
