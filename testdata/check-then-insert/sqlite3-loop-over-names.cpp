// Racy: an import loop checks each name and inserts the missing ones, one
// autocommit statement at a time. The loop does not help: for every name the
// check and the insert are separate statements another importer can split.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>
#include <vector>

void importCategories(sqlite3 *Db, const std::vector<std::string> &Names) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "SELECT id FROM categories WHERE name = ?", -1, &Find, nullptr);
  sqlite3_prepare_v2(Db, "INSERT INTO categories(name) VALUES (?)", -1, &Add, nullptr);
  for (const std::string &Name : Names) {
    sqlite3_bind_text(Find, 1, Name.c_str(), -1, SQLITE_TRANSIENT);
    // note: sqlrace-check-then-insert existence of a 'categories' row checked here, keyed on (name)
    const int Rc = sqlite3_step(Find);
    sqlite3_reset(Find);
    // note: sqlrace-check-then-insert the path goes on from here only when no row was found
    if (Rc == SQLITE_ROW)
      continue;
    sqlite3_bind_text(Add, 1, Name.c_str(), -1, SQLITE_TRANSIENT);
    // expect: sqlrace-check-then-insert insert into 'categories' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO categories(name) VALUES (?) ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on categories (name)
    sqlite3_step(Add);
    sqlite3_reset(Add);
  }
  sqlite3_finalize(Find);
  sqlite3_finalize(Add);
}
