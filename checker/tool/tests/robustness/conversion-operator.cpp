// A statement wrapper converted to sqlite3_stmt* by a conversion operator:
// NamedDecl::getName() asserted on the operator's name.
#include <sqlite3.h>
struct Statement {
  sqlite3_stmt *Handle;
  operator sqlite3_stmt *() { return Handle; }
  sqlite3_stmt *operator->() { return Handle; }
};
int stepWrapped(Statement &S) { return sqlite3_step(S); }
bool operator==(const Statement &A, const Statement &B) { return A.Handle == B.Handle; }
bool same(Statement &A, Statement &B) { return operator==(A, B) && sqlite3_step(A) == SQLITE_ROW; }

// The race that must still be reported beside the construct above.
void addUser(sqlite3 *Db) {
  sqlite3_stmt *Find;
  sqlite3_prepare_v2(Db, "SELECT 1 FROM users WHERE email = ?", -1, &Find, nullptr);
  if (sqlite3_step(Find) == SQLITE_DONE)
    sqlite3_exec(Db, "INSERT INTO users(email) VALUES (1)", nullptr, nullptr, nullptr); // expect: sqlrace-check-then-insert
}
