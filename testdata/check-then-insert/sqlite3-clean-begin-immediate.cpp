// Clean: BEGIN IMMEDIATE takes SQLite's write lock before the check, so no
// other connection can insert between the SELECT and the INSERT; the lock is
// held until COMMIT. (A plain, deferred BEGIN would not be enough.)
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool createTag(sqlite3 *Db, const char *Name) {
  if (sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return false;
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM tags WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_TRANSIENT);
  bool Created = false;
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO tags(name) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
    // ok: sqlrace-check-then-insert
    Created = sqlite3_step(Add) == SQLITE_DONE;
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr);
  return Created;
}
