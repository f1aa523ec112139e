// Racy: BEGIN opens a transaction at the server's default isolation (READ
// COMMITTED on PostgreSQL), which does not stop another client from
// inserting the same setting between the check and the insert.
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void seedMotd(SQLHDBC Dbc) {
  SQLHSTMT Find;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Find);
  SQLExecDirect(Find, (SQLCHAR *)"BEGIN", SQL_NTS);
  // note: sqlrace-check-then-insert existence of a 'settings' row checked here, keyed on (name)
  SQLExecDirect(Find, (SQLCHAR *)"SELECT 1 FROM settings WHERE name = 'motd'", SQL_NTS);
  // note: sqlrace-check-then-insert the path goes on from here only when no row was found
  if (SQLFetch(Find) == SQL_SUCCESS) {
    SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_ROLLBACK);
    return;
  }
  SQLHSTMT Add;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Add);
  // expect: sqlrace-check-then-insert insert into 'settings' can race with the preceding existence check; a concurrent client can insert the same row in between
  // note: sqlrace-check-then-insert the transaction runs below SERIALIZABLE, which does not stop another client from inserting the same row
  // note: sqlrace-check-then-insert make the database the arbiter: add a UNIQUE constraint on settings (name) and use the dialect's insert-if-absent form or handle the unique violation
  SQLExecDirect(Add, (SQLCHAR *)"INSERT INTO settings(name, value) VALUES ('motd', 'Welcome!')", SQL_NTS);
  SQLEndTran(SQL_HANDLE_DBC, Dbc, SQL_COMMIT);
}
