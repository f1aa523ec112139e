// Racy: BEGIN IMMEDIATE comes after the test. The state was read in
// autocommit mode, so another process can close the poll between the
// SELECT and BEGIN IMMEDIATE; the vote is then counted on a closed poll.
// REQUIRES: pkg(sqlite3)
#include <cstring>
#include <sqlite3.h>

bool castVote(sqlite3 *Db, sqlite3_int64 PollId, sqlite3_int64 OptionId) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT state FROM polls WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, PollId);
  bool Open = false;
  // note: sqlrace-check-then-update 'polls' row read here, keyed on (id)
  if (sqlite3_step(Read) == SQLITE_ROW)
    Open = strcmp(reinterpret_cast<const char *>(sqlite3_column_text(Read, 0)), "open") == 0;
  sqlite3_finalize(Read);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Open)
    return false;

  sqlite3_exec(Db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt *Write = nullptr;
  sqlite3_prepare_v2(Db, "UPDATE polls SET last_option = ?, votes = votes + 1 WHERE id = ?", -1, &Write, nullptr);
  sqlite3_bind_int64(Write, 1, OptionId);
  sqlite3_bind_int64(Write, 2, PollId);
  // expect: sqlrace-check-then-update update of 'polls' depends on a state read earlier...*
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
  sqlite3_step(Write);
  sqlite3_finalize(Write);
  return sqlite3_exec(Db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
}
