// printf's %c with an unsigned 64-bit or a 128-bit argument, and a text
// length that no int64_t holds, while rebuilding SQL text.
#include <cstdio>
#include <sqlite3.h>
#include <string>
void wide(sqlite3 *Db) {
  char Buf[256];
  snprintf(Buf, sizeof Buf, "SELECT 1 FROM t WHERE c = '%c'", ~0ull);
  sqlite3_exec(Db, Buf, nullptr, nullptr, nullptr);
  snprintf(Buf, sizeof Buf, "SELECT 1 FROM t WHERE c = '%c'", (__int128)1 << 100);
  sqlite3_exec(Db, Buf, nullptr, nullptr, nullptr);
  snprintf(Buf, (size_t)~0ull, "SELECT 1 FROM t WHERE c = '%c'", 65);
  sqlite3_exec(Db, Buf, nullptr, nullptr, nullptr);
  std::string Q("SELECT 1 FROM t", (size_t)1 << 63);
  sqlite3_exec(Db, Q.c_str(), nullptr, nullptr, nullptr);
}

// The race that must still be reported beside the construct above.
void addUser(sqlite3 *Db) {
  sqlite3_stmt *Find;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &Find, nullptr);
  if (sqlite3_step(Find) == SQLITE_DONE)
    sqlite3_exec(Db, "INSERT INTO users(email) VALUES (1)", nullptr, nullptr, nullptr); // expect: sqlrace-check-then-insert
}
