// Clean: check and insert run in one explicit transaction opened with a plain
// (deferred) BEGIN. SQLite allows one writer per database, so a second
// client's insert fails with SQLITE_BUSY instead of adding a duplicate.
// (BEGIN IMMEDIATE would avoid that error path; see checker/sql/proofs/README.md.)
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool addBookmark(sqlite3 *Db, const char *Url) {
  sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM bookmarks WHERE url = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Url, -1, SQLITE_STATIC);
  bool Added = false;
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO bookmarks(url) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Url, -1, SQLITE_STATIC);
    // ok: sqlrace-check-then-insert
    Added = sqlite3_step(Add) == SQLITE_DONE;
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  return sqlite3_exec(Db, Added ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK && Added;
}
