// Clean: the session is opened with the "sqlite3" backend, and the check and
// the insert run in one soci::transaction. SQLite has one writer at a time,
// so any explicit transaction makes the pair atomic (the loser gets
// SQLITE_BUSY and retries rather than inserting a duplicate).
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool addBookmark(const std::string &Url, const std::string &Title) {
  soci::session Sql("sqlite3", "db=bookmarks.db");
  soci::transaction Tr(Sql);
  int Existing = 0;
  Sql << "SELECT COUNT(*) FROM bookmarks WHERE url = :url", soci::use(Url), soci::into(Existing);
  if (Existing != 0)
    return false;
  // ok: sqlrace-check-then-insert
  Sql << "INSERT INTO bookmarks(url, title) VALUES (:url, :title)", soci::use(Url), soci::use(Title);
  Tr.commit();
  return true;
}
