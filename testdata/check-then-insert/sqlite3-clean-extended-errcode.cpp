// Clean: after the INSERT's step fails, sqlite3_extended_errcode() is compared
// with SQLITE_CONSTRAINT_UNIQUE, so a duplicate created by a concurrent
// client is recognised and handled instead of slipping through.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool reserveSlug(sqlite3 *Db, const char *Slug, int ArticleId) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT article_id FROM slugs WHERE slug = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Slug, -1, SQLITE_TRANSIENT);
  bool Reserved = false;
  if (sqlite3_step(Find) != SQLITE_ROW) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO slugs(slug, article_id) VALUES (?, ?)", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Slug, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(Add, 2, ArticleId);
    // ok: sqlrace-check-then-insert
    if (sqlite3_step(Add) == SQLITE_DONE)
      Reserved = true;
    else if (sqlite3_extended_errcode(Db) == SQLITE_CONSTRAINT_UNIQUE)
      Reserved = false; // somebody else took the slug in the meantime
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
  return Reserved;
}
