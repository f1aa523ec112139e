// Racy: the UPDATE restates the state (AND state = 'queued'), but
// sqlite3_changes() is never read. When another worker claimed the job first,
// 0 rows change and this worker runs the job anyway.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

bool claimJob(sqlite3 *Db, sqlite3_int64 JobId, const char *Worker) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT state FROM jobs WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, JobId);
  // note: sqlrace-check-then-update 'jobs' row read here, keyed on (id)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const std::string State = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (State != "queued")
    return false;

  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 'running', worker = ? WHERE id = ? AND state = 'queued'", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Write, 2, JobId);
  // expect: sqlrace-check-then-update update of 'jobs' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  const bool Ok = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Ok;
}
