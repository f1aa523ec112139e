// ARGS: -- -std=c++17
// NamedDecl::getName asserts ("Name is not a simple identifier") on a
// conversion operator met where the analysis looks for smart pointers' get().
#include <sqlite3.h>
struct StmtRef {
  sqlite3_stmt *S;
  operator sqlite3_stmt *() const { return S; }
};
int f(sqlite3_stmt *S) { return sqlite3_step(StmtRef{S}); }
