// Clean look-alike of sqlite3-switch-fallthrough.cpp: here the INSERT is in
// the case taken when a row WAS found (an audit row for an existing
// bookmark, into another table), and SQLITE_DONE breaks out of the switch.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void touchBookmark(sqlite3 *Db, const char *Url) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM bookmarks WHERE url = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Url, -1, SQLITE_STATIC);
  switch (sqlite3_step(Find)) {
  case SQLITE_DONE:
    break;
  case SQLITE_ROW: {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO bookmarks(url) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Url, -1, SQLITE_STATIC);
    // ok: sqlrace-check-then-insert
    sqlite3_step(Add);
    sqlite3_finalize(Add);
    break;
  }
  }
  sqlite3_finalize(Find);
}
