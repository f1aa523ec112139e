// Racy: the job's state is read with sqlite3_column_int and a
// switch picks what to do; the 'queued' case claims the job with an UPDATE
// that does not restate the state. Two workers can both take that case.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

enum JobState { Queued = 0, Running = 1, Done = 2 };

bool claimJob(sqlite3 *Db, sqlite3_int64 JobId, const char *Worker) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT state FROM jobs WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, JobId);
  // note: sqlrace-check-then-update 'jobs' row read here, keyed on (id)
  if (sqlite3_step(Read) != SQLITE_ROW) {
    sqlite3_finalize(Read);
    return false;
  }
  const int State = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);

  bool Claimed = false;
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  switch (State) {
  case Queued: {
    sqlite3_stmt *Write = nullptr;
    sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 1, worker = ? WHERE id = ?", -1, &Write, nullptr);
    sqlite3_bind_text(Write, 1, Worker, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(Write, 2, JobId);
    // expect: sqlrace-check-then-update update of 'jobs' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
    Claimed = sqlite3_step(Write) == SQLITE_DONE;
    sqlite3_finalize(Write);
    break;
  }
  case Running:
  case Done:
  default:
    break;
  }
  return Claimed;
}
