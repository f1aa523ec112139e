// Clean: the only test is sqlite3_step(...) == SQLITE_ROW (does the note
// exist?), and the UPDATE writes a value from the caller, not anything read.
// If the note is deleted in between the UPDATE changes nothing.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool pin(sqlite3 *Db, sqlite3_int64 NoteId, int Pinned) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT title FROM notes WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, NoteId);
  const bool Exists = sqlite3_step(Read) == SQLITE_ROW;
  sqlite3_finalize(Read);
  if (!Exists)
    return false;
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE notes SET pinned = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int(Write, 1, Pinned);
  sqlite3_bind_int64(Write, 2, NoteId);
  // ok: sqlrace-check-then-update
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return true;
}
