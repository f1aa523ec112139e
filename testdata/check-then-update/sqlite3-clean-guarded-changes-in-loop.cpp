// Clean: a worker tries the candidate jobs one by one. Each claim restates
// the state tested in C++ (AND state = 'queued') and sqlite3_changes() says
// whether this worker won; a job claimed by another worker in between
// changes 0 rows and the loop moves on.
// REQUIRES: pkg(sqlite3)
#include <cstring>
#include <sqlite3.h>
#include <vector>

sqlite3_int64 claimFirst(sqlite3 *Db, const std::vector<sqlite3_int64> &JobIds) {
  for (sqlite3_int64 JobId : JobIds) {
    sqlite3_stmt *Read = nullptr;
    sqlite3_prepare_v2(Db, "SELECT state FROM jobs WHERE id = ?", -1, &Read, nullptr);
    sqlite3_bind_int64(Read, 1, JobId);
    bool Queued = false;
    if (sqlite3_step(Read) == SQLITE_ROW)
      Queued = strcmp(reinterpret_cast<const char *>(sqlite3_column_text(Read, 0)), "queued") == 0;
    sqlite3_finalize(Read);
    if (!Queued)
      continue;

    sqlite3_stmt *Write = nullptr;
    sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 'running' WHERE id = ? AND state = 'queued'", -1, &Write, nullptr);
    sqlite3_bind_int64(Write, 1, JobId);
    // ok: sqlrace-check-then-update
    sqlite3_step(Write);
    sqlite3_finalize(Write);
    if (sqlite3_changes(Db) == 1)
      return JobId;
  }
  return -1;
}
