// Racy: the SQL is formatted with snprintf(), the check is SELECT COUNT(*)
// read with sqlite3_column_int(), and the insert runs through sqlite3_exec().
// Two processes can both count 0 carts for the user and both create one.
// REQUIRES: pkg(sqlite3)
#include <cstdio>
#include <sqlite3.h>

void ensureCart(sqlite3 *Db, int UserId) {
  char Sql[128];
  snprintf(Sql, sizeof Sql, "SELECT COUNT(*) FROM carts WHERE user_id = %d", UserId);
  sqlite3_stmt *Count = nullptr;
  sqlite3_prepare_v2(Db, Sql, -1, &Count, nullptr);
  // note: sqlrace-check-then-insert existence of a 'carts' row checked here, keyed on (user_id)
  // note: sqlrace-check-then-insert this SQL is partly unknown at analysis time; its table and key come from the known parts
  sqlite3_step(Count);
  const int Carts = sqlite3_column_int(Count, 0);
  sqlite3_finalize(Count);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (Carts == 0) {
    snprintf(Sql, sizeof Sql, "INSERT INTO carts(user_id) VALUES (%d)", UserId);
    // expect: sqlrace-check-then-insert insert into 'carts' can race ...*
    // note: sqlrace-check-then-insert no unique-violation handling, lock or serializable transaction makes the check and the insert atomic
    // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on carts (user_id) and use the dialect's insert-if-absent form or handle the unique violation
    // note: sqlrace-check-then-insert SQL partly unknown at analysis time; the rewrite keeps the known parts
    sqlite3_exec(Db, Sql, nullptr, nullptr, nullptr);
  }
}
