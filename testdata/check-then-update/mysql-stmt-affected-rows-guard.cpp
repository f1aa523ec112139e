// A seat is held when the row read says it is free. hold() restates that in
// the prepared UPDATE's WHERE and checks mysql_stmt_affected_rows(): a client
// that lost the race changes 0 rows and knows it. holdUnguarded() updates by
// id alone and trusts its earlier read. holdGuardedUnchecked() restates the
// state but never looks at the count, so a client that lost believes it won.
// REQUIRES: pkg(libmariadb)
#include <cstdio>
#include <cstring>
#include <mysql.h>

bool hold(MYSQL *Conn, long SeatId, MYSQL_BIND *Id) {
  char Sql[128];
  snprintf(Sql, sizeof Sql, "SELECT state FROM seats WHERE id = %ld", SeatId);
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Free = Row && strcmp(Row[0], "free") == 0;
  mysql_free_result(Res);
  if (!Free)
    return false;
  static const char Update[] = "UPDATE seats SET state = 'held' WHERE id = ? AND state = 'free'";
  MYSQL_STMT *Stmt = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Stmt, Update, strlen(Update));
  mysql_stmt_bind_param(Stmt, Id);
  // ok: sqlrace-check-then-update
  mysql_stmt_execute(Stmt);
  const bool Won = mysql_stmt_affected_rows(Stmt) == 1;
  mysql_stmt_close(Stmt);
  return Won;
}

bool holdUnguarded(MYSQL *Conn, long SeatId, MYSQL_BIND *Id) {
  char Sql[128];
  snprintf(Sql, sizeof Sql, "SELECT state FROM seats WHERE id = %ld", SeatId);
  // note: sqlrace-check-then-update 'seats' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Free = Row && strcmp(Row[0], "free") == 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Free)
    return false;
  static const char Update[] = "UPDATE seats SET state = 'held' WHERE id = ?";
  MYSQL_STMT *Stmt = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Stmt, Update, strlen(Update));
  mysql_stmt_bind_param(Stmt, Id);
  // expect: sqlrace-check-then-update update of 'seats' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update restate the condition in the UPDATE's WHERE (... AND <column> = <value read>) and check that one row changed, or read the row with SELECT ... FOR UPDATE inside the transaction that writes it
  mysql_stmt_execute(Stmt);
  const bool Done = mysql_stmt_affected_rows(Stmt) == 1;
  mysql_stmt_close(Stmt);
  return Done;
}

bool holdGuardedUnchecked(MYSQL *Conn, long SeatId, MYSQL_BIND *Id) {
  char Sql[128];
  snprintf(Sql, sizeof Sql, "SELECT state FROM seats WHERE id = %ld", SeatId);
  // note: sqlrace-check-then-update 'seats' row read here, keyed on (id)
  // note: sqlrace-check-then-update this SQL is partly unknown at analysis time; its table and key come from the known parts
  mysql_query(Conn, Sql);
  MYSQL_RES *Res = mysql_store_result(Conn);
  MYSQL_ROW Row = mysql_fetch_row(Res);
  const bool Free = Row && strcmp(Row[0], "free") == 0;
  mysql_free_result(Res);
  // note: sqlrace-check-then-update the path is decided here by a value read from that row
  if (!Free)
    return false;
  static const char Update[] = "UPDATE seats SET state = 'held' WHERE id = ? AND state = 'free'";
  MYSQL_STMT *Stmt = mysql_stmt_init(Conn);
  mysql_stmt_prepare(Stmt, Update, strlen(Update));
  mysql_stmt_bind_param(Stmt, Id);
  // expect: sqlrace-check-then-update update of 'seats' depends on a state read earlier that the UPDATE does not re-check; another client can change the row in between
  // note: sqlrace-check-then-update the UPDATE re-checks a condition in its WHERE, but the code never looks at how many rows it changed
  mysql_stmt_execute(Stmt);
  mysql_stmt_close(Stmt);
  return true;
}
