// Clean: the look-alike of sqlite3-changes-read-after-a-later-update.cpp
// that reads sqlite3_changes() right after the claim, before the audit
// UPDATE: the count is the claim's, and a worker that lost the race stops.
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

  sqlite3_stmt *Claim = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 'running', worker = ? WHERE id = ? AND state = 'queued'", -1, &Claim, nullptr);
  sqlite3_bind_text(Claim, 1, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Claim, 2, JobId);
  // ok: sqlrace-check-then-update
  sqlite3_step(Claim);
  sqlite3_finalize(Claim);
  if (sqlite3_changes(Db) != 1)
    return false;

  sqlite3_stmt *Audit = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE workers SET last_claim = ? WHERE name = ?", -1, &Audit, nullptr);
  sqlite3_bind_int64(Audit, 1, JobId);
  sqlite3_bind_text(Audit, 2, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_step(Audit);
  sqlite3_finalize(Audit);
  return true;
}
