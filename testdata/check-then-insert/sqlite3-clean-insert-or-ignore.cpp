// Clean: the lookup is still there (to report whether the tag was new), but
// the INSERT itself is INSERT OR IGNORE, backed by the UNIQUE constraint on
// tags(name). If another client adds the tag in between, the insert is
// skipped instead of creating a duplicate.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool createTag(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM tags WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_TRANSIENT);
  bool Created = false;
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT OR IGNORE INTO tags(name) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
    // ok: sqlrace-check-then-insert
    sqlite3_step(Add);
    Created = sqlite3_changes(Db) == 1;
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  return Created;
}
