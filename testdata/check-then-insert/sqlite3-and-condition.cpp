// Racy: the check's step is the second operand of &&: the INSERT runs when
// auto-tagging is on and the lookup returned no row. Short-circuit evaluation
// does not change that the "no row" outcome leads to the insert.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void autoTag(sqlite3 *Db, const char *Name, bool AutoTagging) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM tags WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_STATIC);
  // note: sqlrace-check-then-insert existence of a 'tags' row checked here, keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (AutoTagging && sqlite3_step(Find) != SQLITE_ROW) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO tags(name, auto) VALUES (?, 1)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Name, -1, SQLITE_STATIC);
    // expect: sqlrace-check-then-insert insert into 'tags' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO tags(name, auto) VALUES (?, 1) ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on tags (name)
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
