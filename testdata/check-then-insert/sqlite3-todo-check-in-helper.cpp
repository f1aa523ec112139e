// Known false negative: the existence check lives in a helper function of the
// same file and the caller inserts when the helper says "no". This is the same
// race as an inline check, but the analysis is intraprocedural (the helper is
// not catalogued as a wrapper), so nothing is reported today.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

static bool tagExists(sqlite3 *Db, const char *Name) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM tags WHERE name = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Name, -1, SQLITE_TRANSIENT);
  const bool Found = sqlite3_step(Find) == SQLITE_ROW;
  sqlite3_finalize(Find);
  return Found;
}

void createTag(sqlite3 *Db, const char *Name) {
  if (tagExists(Db, Name))
    return;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO tags(name) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Name, -1, SQLITE_TRANSIENT);
  // todo-expect: sqlrace-check-then-insert insert into 'tags' can race ...*
  sqlite3_step(Add);
  sqlite3_finalize(Add);
}
