// Racy: in each pass of the loop the check runs inside BEGIN IMMEDIATE, but
// the transaction is committed before the INSERT, which then runs in
// autocommit. The BEGIN is the same statement in every pass: what the check
// learnt in the previous pass's transaction does not carry into the next.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void importUrls(sqlite3 *Db, const char *const *Urls, int Count) {
  for (int I = 0; I < Count; ++I) {
    sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt *Find = nullptr;
    sqlite3_prepare_v2(Db, "SELECT 1 FROM bookmarks WHERE url = ?", -1, &Find, nullptr);
    sqlite3_bind_text(Find, 1, Urls[I], -1, SQLITE_STATIC);
    // note: sqlrace-check-then-insert existence of a 'bookmarks' row checked here, keyed on (url)
    const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
    sqlite3_finalize(Find);
    sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
    // note: sqlrace-check-then-insert the path goes on from here only when no row was found
    if (!Absent)
      continue;
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO bookmarks(url) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Urls[I], -1, SQLITE_STATIC);
    // expect: sqlrace-check-then-insert insert into 'bookmarks' can race ...*
    // note: sqlrace-check-then-insert the transaction that protected the check ended before this statement
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO bookmarks(url) VALUES (?) ON CONFLICT (url) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on bookmarks (url)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
}
