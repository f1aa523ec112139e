// Clean: the session's user is read only for the audit log, and the UPDATE
// writes a literal (revoked = 1) that does not come from the read. No value
// read from the row decides whether the UPDATE runs, and writing the same
// literal twice is harmless.
// REQUIRES: pkg(sqlite3)
#include <cstdio>
#include <sqlite3.h>

void logout(sqlite3 *Db, const char *SessionId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT user_id, revoked FROM sessions WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, SessionId, -1, SQLITE_TRANSIENT);
  if (sqlite3_step(Read) == SQLITE_ROW)
    std::printf("logout of user %lld\n", static_cast<long long>(sqlite3_column_int64(Read, 0)));
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE sessions SET revoked = 1 WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, SessionId, -1, SQLITE_TRANSIENT);
  // ok: sqlrace-read-modify-write
  sqlite3_step(Write);
  sqlite3_finalize(Write);
}
