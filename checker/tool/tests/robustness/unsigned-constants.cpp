// Unsigned 64-bit constants at or above 2^63 (npos, SIZE_MAX, ~0ull, an
// unsigned enum) compared, switched on, added and masked, and signed
// arithmetic that overflows: each once aborted in APSInt::getExtValue or was
// undefined behaviour in the branch evaluator.
#include <cstdint>
#include <sqlite3.h>
#include <string>
enum class Big : unsigned long long { A = ~0ull, B = 1 };
int constants(const std::string &S, sqlite3 *Db) {
  if (S.find('@') == std::string::npos)
    return 1;
  if (S.size() < SIZE_MAX)
    return 2;
  unsigned long long M = ~0ull;
  if ((M & 0xFFFFFFFFFFFFFFFFull) >= 1 || (M ^ 1) < M || (M + 1) == 0)
    return 3;
  switch (Big::A) {
  case Big::A:
  case Big::B:
    break;
  }
  long long Min = INT64_MIN;
  if (-Min == 0 || Min - 1 < 0)
    return 4;
  sqlite3_stmt *St = nullptr;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &St, nullptr);
  int Rc = sqlite3_step(St);
  if (Rc == (int)~0ull || (unsigned long long)Rc == std::string::npos || -Rc == INT64_MIN)
    return 5;
  return 0;
}

// The race that must still be reported beside the construct above.
void addUser(sqlite3 *Db) {
  sqlite3_stmt *Find;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &Find, nullptr);
  if (sqlite3_step(Find) == SQLITE_DONE)
    sqlite3_exec(Db, "INSERT INTO users(email) VALUES (1)", nullptr, nullptr, nullptr); // expect: sqlrace-check-then-insert
}
