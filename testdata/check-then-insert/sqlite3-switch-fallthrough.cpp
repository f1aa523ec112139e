// Racy: the outcome of the lookup is dispatched with a switch. SQLITE_DONE
// (no row) logs and falls through into the case that inserts, so the INSERT
// runs exactly when no row was found.
// REQUIRES: pkg(sqlite3)
#include <cstdio>
#include <sqlite3.h>

void addBookmark(sqlite3 *Db, const char *Url, bool Force) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM bookmarks WHERE url = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Url, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'bookmarks' row checked here, keyed on (url)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  switch (sqlite3_step(Find)) {
  case SQLITE_ROW:
    sqlite3_finalize(Find);
    return;
  case SQLITE_DONE:
    std::puts("new bookmark");
    [[fallthrough]];
  case SQLITE_MISUSE: {
    sqlite3_finalize(Find);
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO bookmarks(url) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Url, -1, SQLITE_STATIC);
    // expect: sqlrace-check-then-insert insert into 'bookmarks' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO bookmarks(url) VALUES (?) ON CONFLICT (url) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on bookmarks (url)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
    break;
  }
  default:
    sqlite3_finalize(Find);
  }
}
