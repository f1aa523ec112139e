// Racy: sqlite3_exec()'s result is compared with SQLITE_OK only, so every
// failure is "error". A category inserted by another process after the check
// is rejected by its PRIMARY KEY, and the caller reports a failure instead of
// "already there".
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS categories (slug TEXT PRIMARY KEY, title TEXT)", nullptr, nullptr, nullptr);
}

bool addCategory(sqlite3 *Db) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM categories WHERE slug = 'misc'", -1, &Find, nullptr);
  const int Seen = sqlite3_step(Find);
  sqlite3_finalize(Find);
  if (Seen == SQLITE_ROW)
    return true;
  // expect: sqlrace-unhandled-unique-violation insert into 'categories' fails with a unique violation ...*
  const int Rc = sqlite3_exec(Db, "INSERT INTO categories(slug, title) VALUES ('misc', 'Miscellaneous')", nullptr, nullptr, nullptr);
  return Rc == SQLITE_OK;
}
