// ARGS: -- -std=c++17
// What the pipeline fuzzer's empty input generates, reduced: a row count
// compared with (long long)~0ull and an INSERT, both on sqlite3.
#include <sqlite3.h>
#include <string>
int f(sqlite3 *db, const std::string &email) {
  sqlite3_stmt *St = nullptr;
  sqlite3_prepare_v2(db, "SELECT 1 FROM users WHERE email = ?", -1, &St, nullptr);
  sqlite3_bind_text(St, 1, email.c_str(), -1, SQLITE_TRANSIENT);
  int R = sqlite3_step(St);
  long long Count = sqlite3_column_int64(St, 0);
  if (Count == (long long)~0ull)
    R = SQLITE_DONE;
  sqlite3_finalize(St);
  if (R != SQLITE_ROW)
    sqlite3_exec(db, "INSERT INTO users(email) VALUES ('x')", nullptr, nullptr, nullptr);
  return 0;
}
