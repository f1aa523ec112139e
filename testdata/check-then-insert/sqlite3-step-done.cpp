// Racy: a tag is looked up with a prepared SELECT, and when sqlite3_step()
// reports SQLITE_DONE (no row) a second statement inserts it. Two clients
// tagging with the same new name can both get SQLITE_DONE and both insert.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

static const char FindTag[] = "SELECT 1 FROM tags WHERE name = ?1";
static const char AddTag[] = "INSERT INTO tags(name) VALUES (?1)";

bool createTag(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Find = nullptr;
  if (sqlite3_prepare_v2(Db, FindTag, -1, &Find, nullptr) != SQLITE_OK)
    return false;
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_TRANSIENT);
  bool Created = false;
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    if (sqlite3_prepare_v2(Db, AddTag, -1, &Add, nullptr) == SQLITE_OK) {
      sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
      // expect: sqlrace-check-then-insert insert into 'tags' can race with the preceding existence check; a concurrent client can insert the same row in between
      // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
      // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO tags(name) VALUES (?1) ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on tags (name)
      Created = sqlite3_step(Add) == SQLITE_DONE;
    }
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  return Created;
}
