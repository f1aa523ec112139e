// Known false positive: SAVEPOINT issued in autocommit mode starts a
// transaction (like BEGIN DEFERRED), and RELEASE commits it. Check and
// insert run inside it, which SQLite serialises like any explicit
// transaction; sqlrace only knows BEGIN.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void addBookmark(sqlite3 *Db, const char *Url) {
  sqlite3_exec(Db, "SAVEPOINT add_bookmark", nullptr, nullptr, nullptr);
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM bookmarks WHERE url = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Url, -1, SQLITE_STATIC);
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO bookmarks(url) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Url, -1, SQLITE_STATIC);
    // FIXME(analyzer): a SAVEPOINT outside a transaction opens one, but it is not treated as an explicit SQLite transaction.
    // todo-ok: sqlrace-check-then-insert insert into 'bookmarks' can race ...*
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  sqlite3_exec(Db, "RELEASE add_bookmark", nullptr, nullptr, nullptr);
}
