// Racy: the claim restates the state (AND state = 'queued'), but the count
// of changed rows is read only after a second UPDATE on the same connection
// (the audit row): sqlite3_changes() then reports the audit UPDATE, not the
// claim. A worker that lost the race goes on as if it had won. The count
// belongs to the last statement run on the connection, on that path.
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

  sqlite3_stmt *Claim = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 'running', worker = ? WHERE id = ? AND state = 'queued'", -1, &Claim, nullptr);
  sqlite3_bind_text(Claim, 1, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Claim, 2, JobId);
  // expect: sqlrace-check-then-update update of 'jobs' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  sqlite3_step(Claim);
  sqlite3_finalize(Claim);

  sqlite3_stmt *Audit = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE workers SET last_claim = ? WHERE name = ?", -1, &Audit, nullptr);
  sqlite3_bind_int64(Audit, 1, JobId);
  sqlite3_bind_text(Audit, 2, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_step(Audit);
  sqlite3_finalize(Audit);
  return sqlite3_changes(Db) == 1;
}
