// Racy: the check runs in a soci::transaction on SQLite, but the transaction
// is rolled back (soci::transaction::rollback()) before the insert, which then
// runs on its own in autocommit. Another client can insert the same URL
// between the two. The clean look-alike, where the insert is inside the
// transaction, is soci-clean-sqlite-transaction.cpp.
// ARGS: -- -std=c++17
#include <soci/soci.h>
#include <string>

bool addBookmark(const std::string &Url, const std::string &Title) {
  soci::session Sql("sqlite3", "db=bookmarks.db");
  soci::transaction Tr(Sql);
  int Existing = 0;
  // note: sqlrace-check-then-insert existence of a 'bookmarks' row checked here, keyed on (url)
  Sql << "SELECT COUNT(*) FROM bookmarks WHERE url = :url", soci::use(Url), soci::into(Existing);
  Tr.rollback();
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Existing != 0)
    return false;
  // expect: sqlrace-check-then-insert insert into 'bookmarks' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the transaction that protected the check ended before this statement
  // note: sqlrace-check-then-insert atomic rewrite (SQLite): INSERT INTO bookmarks(url, title) VALUES (:url, :title) ON CONFLICT (url) DO NOTHING, or INSERT OR IGNORE, backed by a UNIQUE constraint on bookmarks (url)
  Sql << "INSERT INTO bookmarks(url, title) VALUES (:url, :title)", soci::use(Url), soci::use(Title);
  return true;
}
