// Clean: a plain BEGIN ... COMMIT around the test and the claim. SQLite
// transactions are serializable: if another connection claims the job after
// this one read it, the UPDATE fails with SQLITE_BUSY (BUSY_SNAPSHOT in WAL)
// and the code rolls back instead of running the job twice.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>
#include <string>

bool claimJob(sqlite3 *Db, sqlite3_int64 JobId, const char *Worker) {
  sqlite3_exec(Db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT state FROM jobs WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, JobId);
  std::string State;
  if (sqlite3_step(Read) == SQLITE_ROW)
    State = reinterpret_cast<const char *>(sqlite3_column_text(Read, 0));
  sqlite3_finalize(Read);
  if (State != "queued") {
    sqlite3_exec(Db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE jobs SET state = 'running', worker = ? WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_text(Write, 1, Worker, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(Write, 2, JobId);
  // ok: sqlrace-check-then-update
  const int Rc = sqlite3_step(Write);
  sqlite3_finalize(Write);
  if (Rc != SQLITE_DONE || sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    sqlite3_exec(Db, "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
  }
  return true;
}
