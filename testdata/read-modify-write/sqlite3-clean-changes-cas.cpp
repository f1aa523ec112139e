// Clean: compare-and-set on a version column. The draft is saved only if its
// version is still the one read (AND version = ?), and sqlite3_changes() says
// whether that happened; on 0 the editor shows a conflict instead of
// overwriting the other edit.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

bool appendParagraph(sqlite3 *Db, sqlite3_int64 DraftId, const std::string &Paragraph) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT body, version FROM drafts WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, DraftId);
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  std::string Body = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  const sqlite3_int64 Version = sqlite3_column_int64(Read, 1);
  sqlite3_finalize(Read);
  Body += "\n\n" + Paragraph;

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE drafts SET body = ?, version = version + 1 WHERE id = ? AND version = ?", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, Body.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Write, 2, DraftId);
  sqlite3_bind_int64(Write, 3, Version);
  // ok: sqlrace-read-modify-write
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_changes(Db) == 1;
}
