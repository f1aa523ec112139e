// Racy: the app creates its schema with sqlite3_exec(), including a unique
// index on tags(name), and creates tags with a lookup followed by an INSERT.
// A tag added by another process in between makes sqlite3_step() return
// SQLITE_CONSTRAINT, which the code ignores: the tag is reported as created.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", nullptr, nullptr, nullptr);
  // note: sqlrace-unhandled-unique-violation 'tags_name' UNIQUE (name) rejects the duplicate
  sqlite3_exec(Db, "CREATE UNIQUE INDEX IF NOT EXISTS tags_name ON tags(name)", nullptr, nullptr, nullptr);
}

bool createTag(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM tags WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_TRANSIENT);
  // note: sqlrace-unhandled-unique-violation existence of a 'tags' row checked here, keyed on (name)
  const bool Absent = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (!Absent)
    return false;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO tags(name) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
  // expect: sqlrace-unhandled-unique-violation insert into 'tags' fails with a unique violation when a concurrent client inserted the same row after the existence check, and nothing handles that error
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO tags(name) VALUES (?) ON CONFLICT (name) DO NOTHING, then tell a new row from an existing one by the affected-row count
  sqlite3_step(Add);
  sqlite3_finalize(Add);
  return true;
}
