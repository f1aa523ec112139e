// Clean: a plain (deferred) BEGIN ... COMMIT. Every SQLite transaction is
// serializable: if another connection writes the row after this one read it,
// the UPDATE fails with SQLITE_BUSY (or BUSY_SNAPSHOT in WAL mode) instead of
// losing the other write. The caller must roll back and retry; BEGIN IMMEDIATE
// avoids the failure altogether.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool restock(sqlite3 *Db, const char *Sku, int Delivered) {
  sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT on_hand FROM inventory WHERE sku = ?", -1, &Read, nullptr);
  sqlite3_bind_text(Read, 1, Sku, -1, SQLITE_TRANSIENT);
  int OnHand = 0;
  if (sqlite3_step(Read) == SQLITE_ROW)
    OnHand = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE inventory SET on_hand = ? WHERE sku = ?", -1, &Write, nullptr);
  sqlite3_bind_int(Write, 1, OnHand + Delivered);
  sqlite3_bind_text(Write, 2, Sku, -1, SQLITE_TRANSIENT);
  // ok: sqlrace-read-modify-write
  const int Rc = sqlite3_step(Write);
  sqlite3_finalize(Write);
  if (Rc != SQLITE_DONE) {
    sqlite3_exec(Db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  return sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}
