// Suppressions: the same race four times, silenced the ways clang-tidy users
// write it (NOLINT with and without a check list, NOLINTNEXTLINE, a
// NOLINTBEGIN/NOLINTEND region), and once with a NOLINT for another check,
// which must not silence it.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

static const char FindTag[] = "SELECT 1 FROM tags WHERE name = ?";
static const char AddTag[] = "INSERT INTO tags(name) VALUES ('x')";

static bool missing(sqlite3 *Db) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, FindTag, -1, &Find, nullptr);
  // note: sqlrace-check-then-insert the check runs here, inside 'missing'
  const bool Missing = sqlite3_step(Find) == SQLITE_DONE;
  sqlite3_finalize(Find);
  return Missing;
}

void lineNolint(sqlite3 *Db) {
  if (missing(Db))
    sqlite3_exec(Db, AddTag, nullptr, nullptr, nullptr); // NOLINT(sqlrace-check-then-insert)
}

void bareNolint(sqlite3 *Db) {
  if (missing(Db))
    sqlite3_exec(Db, AddTag, nullptr, nullptr, nullptr); // NOLINT
}

void nextLine(sqlite3 *Db) {
  if (missing(Db))
    // NOLINTNEXTLINE(sqlrace-*)
    sqlite3_exec(Db, AddTag, nullptr, nullptr, nullptr);
}

// NOLINTBEGIN(sqlrace-check-then-insert)
void region(sqlite3 *Db) {
  if (missing(Db))
    sqlite3_exec(Db, AddTag, nullptr, nullptr, nullptr);
}
// NOLINTEND(sqlrace-check-then-insert)

void otherCheck(sqlite3 *Db) {
  // note: sqlrace-check-then-insert existence of a 'tags' row checked by calling 'missing', keyed on (name)
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (missing(Db))
    // expect: sqlrace-check-then-insert insert into 'tags' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO tags(name) VALUES ('x') ON CONFLICT (name) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on tags (name)
    sqlite3_exec(Db, AddTag, nullptr, nullptr, nullptr); // NOLINT(sqlrace-read-modify-write)
}
