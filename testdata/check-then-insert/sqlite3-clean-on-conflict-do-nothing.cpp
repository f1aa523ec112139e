// Clean: the insert is INSERT ... ON CONFLICT (host) DO NOTHING (SQLite
// 3.24+), backed by the UNIQUE constraint on known_hosts(host). A host added
// by another process after the check makes this insert a no-op.
// REQUIRES: pkg(sqlite3)
#include <sqlite3.h>

void rememberHost(sqlite3 *Db, const char *Host) {
  sqlite3_stmt *Find = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM known_hosts WHERE host = ?", -1, &Find, nullptr);
  sqlite3_bind_text(Find, 1, Host, -1, SQLITE_STATIC);
  if (sqlite3_step(Find) == SQLITE_DONE) {
    sqlite3_stmt *Add = nullptr;
    sqlite3_prepare_v2(Db, "INSERT INTO known_hosts(host) VALUES (?) ON CONFLICT (host) DO NOTHING", -1, &Add, nullptr);
    sqlite3_bind_text(Add, 1, Host, -1, SQLITE_STATIC);
    // ok: sqlrace-check-then-insert
    sqlite3_step(Add);
    sqlite3_finalize(Add);
  }
  sqlite3_finalize(Find);
}
