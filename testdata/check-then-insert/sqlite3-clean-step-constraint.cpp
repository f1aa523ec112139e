// Clean: the check is only a fast path. The INSERT's sqlite3_step() result is
// compared with SQLITE_CONSTRAINT, so when a concurrent client wins the race
// the UNIQUE constraint on subscribers(email) rejects the duplicate and the
// code treats it as "already subscribed".
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

enum class Outcome { Subscribed, AlreadySubscribed, Failed };

Outcome subscribe(sqlite3 *Db, const char *Email) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM subscribers WHERE email = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Email, -1, SQLITE_STATIC);
  const int Seen = sqlite3_step(Find);
  sqlite3_finalize(Find);
  if (Seen == SQLITE_ROW)
    return Outcome::AlreadySubscribed;

  sqlite3_stmt *Add = nullptr;
  sqlite3_prepare_v2(Db, "INSERT INTO subscribers(email) VALUES (?)", -1, &Add, nullptr);
  sqlite3_bind_text(Add, 1, Email, -1, SQLITE_STATIC);
  // ok: sqlrace-check-then-insert
  const int Rc = sqlite3_step(Add);
  sqlite3_finalize(Add);
  if (Rc == SQLITE_CONSTRAINT)
    return Outcome::AlreadySubscribed;
  return Rc == SQLITE_DONE ? Outcome::Subscribed : Outcome::Failed;
}
