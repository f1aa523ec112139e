// Racy: a worker claims a queued job. It returns early unless the state read
// with sqlite3_column_text is "queued", then sets state = 'running'. Two
// workers polling together both see "queued" and both run the job.
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
  sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 'running', worker = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Write, 2, JobId);
  // expect: sqlrace-check-then-update update of 'jobs' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
  const bool Claimed = sqlite3_step(Write) == SQLITE_DONE;
  sqlite3_finalize(Write);
  return Claimed;
}
