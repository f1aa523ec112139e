// Racy: the row test (sqlite3_step == SQLITE_ROW) and the value test are
// combined with &&. The row test alone would not decide anything, but the
// quota value does: a user who used up the quota in a parallel request still
// gets the upgrade to the higher tier applied over it.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void upgradeIfUnused(sqlite3 *Db, sqlite3_int64 UserId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT used_calls FROM quotas WHERE user_id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, UserId);
  // note: sqlrace-check-then-update 'quotas' row read here, keyed on (user_id)
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (sqlite3_step(Read) == SQLITE_ROW && sqlite3_column_int64(Read, 0) < 100) {
    sqlite3_stmt *Write = nullptr;
    sqlite3_prepare_v2(Db, "UPDATE quotas SET tier = 'trial-plus' WHERE user_id = ?", -1, &Write, nullptr);
    sqlite3_bind_int64(Write, 1, UserId);
    // expect: sqlrace-check-then-update update of 'quotas' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
    sqlite3_step(Write);
    sqlite3_finalize(Write);
  }
  sqlite3_finalize(Read);
}
