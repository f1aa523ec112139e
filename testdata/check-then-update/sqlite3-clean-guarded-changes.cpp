// Clean: the claim restates the state in its WHERE (AND state = 'queued') and
// sqlite3_changes() afterwards tells whether this worker won; a worker that
// lost the race gets 0 and leaves the job alone.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

bool claimJob(sqlite3 *Db, sqlite3_int64 JobId, const char *Worker) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT state FROM jobs WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, JobId);
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const std::string State = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  if (State != "queued")
    return false;

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 'running', worker = ? WHERE id = ? AND state = 'queued'", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Write, 2, JobId);
  // ok: sqlrace-check-then-update
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_changes(Db) == 1;
}
