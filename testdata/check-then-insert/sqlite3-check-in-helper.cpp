// Racy: the existence check lives in a helper function of the same file and
// the caller inserts when the helper says "no". The helper's summary says its
// result is false exactly when no row was found, so this is the same race as
// an inline check.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

static bool tagExists(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM tags WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_TRANSIENT);
  // note: sqlrace-check-then-insert the check runs here, inside 'tagExists'
  const bool Found = sqlite3_step(Find) == SQLITE_ROW;
  sqlite3_finalize(Find);
  return Found;
}

void createTag(sqlite3 *Db, const char *Name) {
  // note: sqlrace-check-then-insert existence of a 'tags' row checked by calling 'tagExists', keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (tagExists(Db, Name))
    return;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO tags(name) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
  // expect: sqlrace-check-then-insert insert into 'tags' can race ...*
  // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO tags(name) VALUES (?) ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on tags (name)
  sqlite3_step(Add);
  sqlite3_finalize(Add);
}
