// Known false positive: a seat whose hold has expired is taken over. The
// UPDATE restates the test with an inequality (AND held_until < ?) and
// sqlite3_changes() says whether the takeover happened, so a customer who
// renewed the hold in between keeps the seat. This is a correct
// compare-and-set, but only equality conditions are understood as re-checks
// today, so the WHERE looks unguarded.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

bool takeExpiredSeat(sqlite3 *Db, sqlite3_int64 SeatId, sqlite3_int64 CustomerId, sqlite3_int64 Now) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT held_until FROM seats WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, SeatId);
  sqlite3_int64 HeldUntil = Now;
  if (sqlite3_step(Read) == SQLITE_ROW)
    HeldUntil = sqlite3_column_int64(Read, 0);
  sqlite3_finalize(Read);
  if (HeldUntil >= Now)
    return false;

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE seats SET held_by = ?, held_until = ? WHERE id = ? AND held_until < ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, CustomerId);
  sqlite3_bind_int64(Write, 2, Now + 600);
  sqlite3_bind_int64(Write, 3, SeatId);
  sqlite3_bind_int64(Write, 4, Now);
  // todo-ok: sqlrace-check-then-update update of 'seats' depends on a state read earlier...*
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_changes(Db) == 1;
}
