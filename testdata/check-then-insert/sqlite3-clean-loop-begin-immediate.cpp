// Clean look-alike of sqlite3-loop-begin-commit-before-insert.cpp: each pass
// checks and inserts inside its own BEGIN IMMEDIATE transaction, committed
// after the INSERT. The loop's state settles although a BEGIN runs in it.
// ARGS: --remarks --
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void importUrls(sqlite3 *Db, const char *const *Urls, int Count) {
  for (int I = 0; I < Count; ++I) {
    sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt *Find = nullptr;
    sqlite3_prepare_v2(Db, "SELECT 1 FROM bookmarks WHERE url = ?", -1, &Find, nullptr);
    sqlite3_bind_text(Find, 1, Urls[I], -1, SQLITE_STATIC);
    const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
    sqlite3_finalize(Find);
    if (Absent) {
      sqlite3_stmt *Add = nullptr;
      sqlite3_prepare_v2(Db, "INSERT INTO bookmarks(url) VALUES (?)", -1, &Add, nullptr);
      sqlite3_bind_text(Add, 1, Urls[I], -1, SQLITE_STATIC);
      // ok: sqlrace-check-then-insert
      sqlite3_step(Add);
      sqlite3_finalize(Add);
    }
    sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
  }
}
