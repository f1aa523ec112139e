// Racy: a login attempt either locks the account (5 failures already) or, on
// the else side, stores a fresh session token. The UPDATE on the else side
// does not restate the test, so an account locked by a parallel attempt in
// between still gets a session.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void startSession(sqlite3 *Db, sqlite3_int64 UserId, const char *Token) {
  sqlite3_stmt *Read = nullptr;
  sqlite3_prepare_v2(Db, "SELECT locked FROM users WHERE id = ?", -1, &Read, nullptr);
  sqlite3_bind_int64(Read, 1, UserId);
  int Locked = 1;
  // note: sqlrace-check-then-update 'users' row read here, keyed on (id)
  if (sqlite3_step(Read) == SQLITE_ROW)
    Locked = sqlite3_column_int(Read, 0);
  sqlite3_finalize(Read);

  sqlite3_stmt *Write = nullptr;
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (Locked != 0) {
    sqlite3_prepare_v2(Db, "INSERT INTO audit(user_id, event) VALUES (?, 'refused: locked')", -1, &Write, nullptr);
    sqlite3_bind_int64(Write, 1, UserId);
    sqlite3_step(Write);
  } else {
    sqlite3_prepare_v2(Db, "UPDATE users SET session_token = ? WHERE id = ?", -1, &Write, nullptr);
    sqlite3_bind_text(Write, 1, Token, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(Write, 2, UserId);
    // expect: sqlrace-check-then-update update of 'users' depends on a state read earlier...*
    // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read and write the row inside one BEGIN IMMEDIATE transaction
    sqlite3_step(Write);
  }
  sqlite3_finalize(Write);
}
