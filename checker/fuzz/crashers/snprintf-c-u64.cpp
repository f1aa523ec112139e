// ARGS: -- -std=c++17
// printf's %c with a 64-bit unsigned or __int128 argument in SQL text.
#include <cstdio>
#include <sqlite3.h>
void f(sqlite3 *db) {
  char Sql[256];
  std::snprintf(Sql, sizeof Sql, "SELECT 1 FROM users WHERE c = '%c'", ~0ull);
  sqlite3_exec(db, Sql, nullptr, nullptr, nullptr);
  std::snprintf(Sql, sizeof Sql, "SELECT 1 FROM users WHERE c = '%c'",
                (unsigned __int128)1 << 100);
  sqlite3_exec(db, Sql, nullptr, nullptr, nullptr);
}
