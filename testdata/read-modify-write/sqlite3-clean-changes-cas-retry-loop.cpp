// Clean: an optimistic retry loop. Each attempt reads the counter, writes
// value + 1 only where the counter still holds the value read
// (AND next_value = ?), and sqlite3_changes() says whether the attempt won;
// a lost race re-reads and tries again.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

sqlite3_int64 nextTicket(sqlite3 *Db, sqlite3_int64 QueueId) {
  for (int Attempt = 0; Attempt < 5; ++Attempt) {
    sqlite3_stmt *Read = nullptr;
    sqlite3_prepare_v2(Db, "SELECT next_value FROM queues WHERE id = ?", -1, &Read, nullptr);
    sqlite3_bind_int64(Read, 1, QueueId);
    if (sqlite3_step(Read) != SQLITE_ROW) {
      sqlite3_finalize(Read);
      return -1;
    }
    const sqlite3_int64 Current = sqlite3_column_int64(Read, 0);
    sqlite3_finalize(Read);

    sqlite3_stmt *Write = nullptr;
    sqlite3_prepare_v2(Db, "UPDATE queues SET next_value = ? WHERE id = ? AND next_value = ?", -1, &Write, nullptr);
    sqlite3_bind_int64(Write, 1, Current + 1);
    sqlite3_bind_int64(Write, 2, QueueId);
    sqlite3_bind_int64(Write, 3, Current);
    // ok: sqlrace-read-modify-write
    sqlite3_step(Write);
    sqlite3_finalize(Write);
    if (sqlite3_changes(Db) == 1)
      return Current;
  }
  return -1;
}
