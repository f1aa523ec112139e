// Clean: the insert is INSERT OR IGNORE against the unique index on
// tags(name) created in code. A tag added by another process after the check
// is skipped silently (0 changes) instead of failing with SQLITE_CONSTRAINT.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", nullptr, nullptr, nullptr);
  sqlite3_exec(Db, "CREATE UNIQUE INDEX IF NOT EXISTS tags_name ON tags(name)", nullptr, nullptr, nullptr);
}

bool createTag(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM tags WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_TRANSIENT);
  bool Created = false;
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT OR IGNORE INTO tags(name) VALUES (?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
    // ok: sqlrace-unhandled-unique-violation
    sqlite3_step(Add);
    Created = sqlite3_changes(Db) == 1;
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  return Created;
}
