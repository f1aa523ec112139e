// Racy: sqlite3_exec()'s result is compared with SQLITE_OK only, so every
// failure is "error". A category inserted by another process after the check
// is rejected by its PRIMARY KEY, and the caller reports a failure instead of
// "already there".
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void openSchema(sqlite3 *Db) {
  // note: sqlrace-unhandled-unique-violation PRIMARY KEY (slug) rejects the duplicate
  sqlite3_exec(Db, "CREATE TABLE IF NOT EXISTS categories (slug TEXT PRIMARY KEY, title TEXT)", nullptr, nullptr, nullptr);
}

bool addCategory(sqlite3 *Db) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM categories WHERE slug = 'misc'", -1, &Find, nullptr);
  // note: sqlrace-unhandled-unique-violation existence of a 'categories' row checked here, keyed on (slug)
  const int Seen = sqlite3_step(Find);
  sqlite3_finalize(Find);
  // note: sqlrace-unhandled-unique-violation the path goes on from here only when no row was found
  if (Seen == SQLITE_ROW)
    return true;
  // expect: sqlrace-unhandled-unique-violation insert into 'categories' fails with a unique violation ...*
  // note: sqlrace-unhandled-unique-violation the error is neither caught nor compared with the unique-violation code
  // note: sqlrace-unhandled-unique-violation atomic rewrite (SQLite): INSERT INTO categories(slug, title) VALUES ('misc', 'Miscellaneous') ON CONFLICT (slug) DO NOTHING, then tell a new row from an existing one by the affected-row count
  const int Rc = sqlite3_exec(Db, "INSERT INTO categories(slug, title) VALUES ('misc', 'Miscellaneous')", nullptr, nullptr, nullptr);
  return Rc == SQLITE_OK;
}
