// Clean: the user's role (users) decides whether the caller may close the
// board, and the UPDATE writes the boards table: the row that was tested is
// not the row that is written.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

bool closeBoard(sqlite3 *Db, sqlite3_int64 UserId, sqlite3_int64 BoardId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT role FROM users WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, UserId);
  std::string Role;
  if (sqlite3_step(Read) == SQLITE_ROW)
    Role = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  if (Role != "moderator")
    return false;
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE boards SET closed = 1 WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, BoardId);
  // ok: sqlrace-check-then-update
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return true;
}
